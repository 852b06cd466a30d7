namespace Campaigns.Web.Features.Delegations.Emails;

public sealed record BriefingEmailModel(
    string Name, string Title, string Role, string City, string CountryCode, DateOnly StartsOn, DateOnly EndsOn,
    string BriefingText, string? CustomText, string RosterUrl, bool IsReminder);
