namespace Campaigns.Web.Features.Shared;

/// <summary>What a list of programmes shows of each item; public fields only.</summary>
public sealed record ProgrammeCard(string Kind, string Title, string Href, string Summary, string PartnerName, string CountryCode, DateOnly? StartsOn, DateOnly? EndsOn);
