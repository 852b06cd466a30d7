namespace Campaigns.Web.Domain.Tours;

public enum StopStatus
{
    Proposed,
    Confirmed,
    Cancelled,
}
