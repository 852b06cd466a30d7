using Campaigns.Web.Infrastructure.Hosting;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Assistance.CheckIns;

/// <summary>
/// The "I am safe" link: a signed, time-limited token naming one check-in, so a volunteer in the field confirms
/// with one tap, without signing in, and nobody can confirm a check-in they were not sent.
/// </summary>
public sealed class CheckInLinks(SignedLinks links, IOptions<CampaignsOptions> options)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    // Part of every link already sent: never change it.
    private const string Purpose = "Campaigns.Assistance.CheckIn";

    public string Make(Guid checkInId) =>
        options.Value.PublicBaseUrl.TrimEnd('/') + "/assistance/check-in/" + links.Sign(Purpose, checkInId.ToString("N"), Lifetime);

    public string Absolute(string path) => options.Value.PublicBaseUrl.TrimEnd('/') + path;

    public Guid? Read(string token) =>
        Guid.TryParseExact(links.Read(Purpose, token), "N", out var id) ? id : null;
}
