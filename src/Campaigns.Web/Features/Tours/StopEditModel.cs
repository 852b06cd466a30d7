namespace Campaigns.Web.Features.Tours;

/// <param name="StopSlug">Null for a new stop.</param>
/// <param name="Action">Where the form posts: the coordinator's or the host's address.</param>
public sealed record StopEditModel(string TourSlug, string? StopSlug, string Action, StopForm Form);
