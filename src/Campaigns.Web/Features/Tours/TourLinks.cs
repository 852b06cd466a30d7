using Campaigns.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Tours;

/// <summary>
/// Absolute links for tour emails, from the configured public address. The RSVP cancel link carries the RSVP id
/// signed with data protection, so nobody can cancel someone else's place by guessing.
/// </summary>
public sealed class TourLinks(IOptions<CampaignsOptions> options, IDataProtectionProvider protection)
{
    private readonly IDataProtector cancelTokens = protection.CreateProtector("Campaigns.Tours.RsvpCancel.v1");
    private readonly IDataProtector stopTokens = protection.CreateProtector("Campaigns.Tours.StopInvitations.v1");

    private string Base => options.Value.PublicBaseUrl.TrimEnd('/');

    public string Event(string tourSlug, string stopSlug) => $"{Base}/tours/{tourSlug}/events/{stopSlug}";

    public string EventCalendar(string tourSlug, string stopSlug) => Event(tourSlug, stopSlug) + ".ics";

    public string CancelRsvp(string tourSlug, string stopSlug, Guid rsvpId) =>
        $"{Event(tourSlug, stopSlug)}/rsvp/cancel?token={cancelTokens.Protect(rsvpId.ToString("N"))}";

    public string Tour(string tourSlug) => $"{Base}/tours/{tourSlug}";

    public string InvitationPreferences() => $"{Base}/tours/invitations";

    /// <summary>Ends a supporter's event invitations without signing in: the one-click unsubscribe of outreach mail.</summary>
    public string StopInvitations(Guid userId) => $"{Base}/tours/invitations/stop/{stopTokens.Protect(userId.ToString("N"))}";

    /// <summary>The user id in a stop-invitations token, or null when it was not made here or was altered.</summary>
    public Guid? ReadStopInvitationsToken(string? token) => Read(stopTokens, token);

    /// <summary>The RSVP id in a cancel token, or null when the token was not made here or was altered.</summary>
    public Guid? ReadCancelToken(string? token) => Read(cancelTokens, token);

    private static Guid? Read(IDataProtector protector, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return Guid.TryParseExact(protector.Unprotect(token), "N", out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
