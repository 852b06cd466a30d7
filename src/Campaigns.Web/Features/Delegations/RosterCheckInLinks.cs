using Campaigns.Web.Infrastructure.Hosting;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Delegations;

/// <summary>
/// The daily "I am safe" link: a signed, time-limited token naming one day and one member, so someone in the field
/// confirms with one tap without signing in, and nobody can confirm for another person.
/// </summary>
public sealed class RosterCheckInLinks(SignedLinks links, IOptions<CampaignsOptions> options)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);

    // Part of every link already sent: never change it, nor the "day.user" payload.
    private const string Purpose = "Campaigns.Delegations.CheckIn";

    public string Make(Guid dayId, Guid userId) =>
        options.Value.PublicBaseUrl.TrimEnd('/') + "/delegations/check-in/" + links.Sign(Purpose, dayId.ToString("N") + "." + userId.ToString("N"), Lifetime);

    public (Guid DayId, Guid UserId)? Read(string token)
    {
        var parts = links.Read(Purpose, token)?.Split('.');
        return parts is { Length: 2 } && Guid.TryParseExact(parts[0], "N", out var day) && Guid.TryParseExact(parts[1], "N", out var user) ? (day, user) : null;
    }
}
