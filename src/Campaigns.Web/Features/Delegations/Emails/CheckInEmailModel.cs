namespace Campaigns.Web.Features.Delegations.Emails;

public sealed record CheckInEmailModel(string Name, string Title, string Link, string? CustomText)
{
    public const string Subject = "Delegation check-in: are you safe?";
}
