namespace Campaigns.Web.Features.Delegations.Emails;

public sealed record MissedCheckInEmailModel(string Name, string Title, DateOnly Day, IReadOnlyList<string> Missing, string Link)
{
    public const string Subject = "Missed delegation check-in";
}
