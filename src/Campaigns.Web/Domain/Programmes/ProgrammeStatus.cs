namespace Campaigns.Web.Domain.Programmes;

public enum ProgrammeStatus
{
    Draft = 0,
    Live = 1,
    Closed = 2,
}
