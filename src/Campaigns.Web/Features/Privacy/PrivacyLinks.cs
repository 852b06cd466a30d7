using System.Security.Cryptography;
using Campaigns.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Privacy;

/// <summary>
/// Signed, time-limited links that prove someone reads a mailbox: whoever holds one may see and erase what we hold
/// about that one address. Short-lived, because the page behind it shows everything.
/// </summary>
public sealed class PrivacyLinks(IDataProtectionProvider protection, IOptions<CampaignsOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private const string Purpose = "rights";

    private readonly ITimeLimitedDataProtector protector =
        protection.CreateProtector("Campaigns.Privacy.Rights.v1").ToTimeLimitedDataProtector();

    public string Token(string email) => protector.Protect($"{Purpose}:{Normalise(email)}", clock.GetUtcNow() + Lifetime);

    public string Url(string token) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/privacy/{token}";

    /// <returns>The address the link was made for, or null when it is forged, tampered or expired.</returns>
    public string? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }

        try
        {
            var value = protector.Unprotect(token, out var expires);
            return expires >= clock.GetUtcNow() && value.StartsWith(Purpose + ":", StringComparison.Ordinal) ? value[(Purpose.Length + 1)..] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string Normalise(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }
}
