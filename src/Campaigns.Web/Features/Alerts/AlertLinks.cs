using Campaigns.Web.Infrastructure.Hosting;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Alerts;

/// <summary>
/// Signed, time-limited links that stand in for an account: whoever holds one may manage that one subscription.
/// A confirmation token cannot be used to manage, nor the reverse.
/// </summary>
public sealed class AlertLinks(SignedLinks links, IOptions<CampaignsOptions> options)
{
    public static readonly TimeSpan ConfirmLifetime = TimeSpan.FromDays(7);

    /// <summary>Long: a one-click unsubscribe in an old email must still work.</summary>
    public static readonly TimeSpan ManageLifetime = TimeSpan.FromDays(400);

    // All three are part of every link already sent: never change them.
    private const string LinkPurpose = "Campaigns.Alerts.Subscriber.v1";
    private const string ConfirmPurpose = "confirm";
    private const string ManagePurpose = "manage";

    public string BaseUrl { get; } = options.Value.PublicBaseUrl.TrimEnd('/');

    public string ConfirmToken(Guid subscriberId) => links.Sign(LinkPurpose, Payload(ConfirmPurpose, subscriberId), ConfirmLifetime);

    public string ManageToken(Guid subscriberId) => links.Sign(LinkPurpose, Payload(ManagePurpose, subscriberId), ManageLifetime);

    public string ConfirmToken(Guid subscriberId, DateTimeOffset expires) => links.Sign(LinkPurpose, Payload(ConfirmPurpose, subscriberId), expires);

    public Guid? ReadConfirm(string? token) => Read(ConfirmPurpose, token);

    public Guid? ReadManage(string? token) => Read(ManagePurpose, token);

    public string ConfirmUrl(Guid subscriberId) => $"{BaseUrl}/alerts/confirm/{ConfirmToken(subscriberId)}";

    public string PreferencesUrl(string manageToken) => $"{BaseUrl}/alerts/preferences/{manageToken}";

    public string UnsubscribeUrl(string manageToken) => $"{BaseUrl}/alerts/unsubscribe/{manageToken}";

    public string ActionUrl(string slug, string language, string manageToken) => $"{BaseUrl}/alerts/{slug}?lang={language}&s={manageToken}";

    private static string Payload(string purpose, Guid subscriberId) => $"{purpose}:{subscriberId:N}";

    private Guid? Read(string purpose, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        var value = links.Read(LinkPurpose, token);
        return value is not null && value.StartsWith(purpose + ":", StringComparison.Ordinal) && Guid.TryParseExact(value[(purpose.Length + 1)..], "N", out var id)
            ? id
            : null;
    }
}
