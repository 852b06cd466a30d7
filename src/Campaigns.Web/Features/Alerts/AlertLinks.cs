using System.Security.Cryptography;
using Campaigns.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Alerts;

/// <summary>
/// Signed, time-limited links that stand in for an account: whoever holds one may manage that one subscription.
/// A confirmation token cannot be used to manage, nor the reverse.
/// </summary>
public sealed class AlertLinks(IDataProtectionProvider protection, IOptions<CampaignsOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan ConfirmLifetime = TimeSpan.FromDays(7);

    /// <summary>Long: a one-click unsubscribe in an old email must still work.</summary>
    public static readonly TimeSpan ManageLifetime = TimeSpan.FromDays(400);

    private const string ConfirmPurpose = "confirm";
    private const string ManagePurpose = "manage";

    private readonly ITimeLimitedDataProtector protector =
        protection.CreateProtector("Campaigns.Alerts.Subscriber.v1").ToTimeLimitedDataProtector();

    public string BaseUrl { get; } = options.Value.PublicBaseUrl.TrimEnd('/');

    public string ConfirmToken(Guid subscriberId) => Protect(ConfirmPurpose, subscriberId, ConfirmLifetime);

    public string ManageToken(Guid subscriberId) => Protect(ManagePurpose, subscriberId, ManageLifetime);

    public string ConfirmToken(Guid subscriberId, DateTimeOffset expires) => protector.Protect($"{ConfirmPurpose}:{subscriberId:N}", expires);

    public Guid? ReadConfirm(string? token) => Read(ConfirmPurpose, token);

    public Guid? ReadManage(string? token) => Read(ManagePurpose, token);

    public string ConfirmUrl(Guid subscriberId) => $"{BaseUrl}/alerts/confirm/{ConfirmToken(subscriberId)}";

    public string PreferencesUrl(string manageToken) => $"{BaseUrl}/alerts/preferences/{manageToken}";

    public string UnsubscribeUrl(string manageToken) => $"{BaseUrl}/alerts/unsubscribe/{manageToken}";

    public string ActionUrl(string slug, string language, string manageToken) => $"{BaseUrl}/alerts/{slug}?lang={language}&s={manageToken}";

    private string Protect(string purpose, Guid subscriberId, TimeSpan lifetime) =>
        protector.Protect($"{purpose}:{subscriberId:N}", clock.GetUtcNow() + lifetime);

    private Guid? Read(string purpose, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var value = protector.Unprotect(token, out _);
            return value.StartsWith(purpose + ":", StringComparison.Ordinal) && Guid.TryParseExact(value[(purpose.Length + 1)..], "N", out var id)
                ? id
                : null;
        }
        catch (CryptographicException)
        {
            // Forged, tampered or expired: all the same to the visitor.
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
