namespace Campaigns.Web.Features.Delegations.Emails;

public sealed record RosterApprovedEmailModel(
    string Name, string Title, string Role, string City, string CountryCode, DateOnly StartsOn, DateOnly EndsOn, string RosterUrl);

public sealed record RosterDeclinedEmailModel(string Name, string Title, string RostersUrl);
