using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Campaigns.Web.Infrastructure.Security;

/// <summary>
/// Signed, time-limited tokens that stand in for an account in an emailed link: whoever holds one may do the one
/// thing it names, until it expires. The purpose keeps a token made for one thing from being accepted for another.
/// </summary>
/// <remarks>
/// Purposes and payloads are part of every link already in someone's inbox: a feature must never change its own,
/// or those links stop working.
/// </remarks>
public sealed class SignedLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    // One protector per purpose for the life of the app: bulk sends sign a link per recipient.
    private readonly ConcurrentDictionary<string, ITimeLimitedDataProtector> protectors = new(StringComparer.Ordinal);

    public string Sign(string purpose, string payload, TimeSpan lifetime) => Sign(purpose, payload, clock.GetUtcNow() + lifetime);

    public string Sign(string purpose, string payload, DateTimeOffset expires)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return Protector(purpose).Protect(payload, expires);
    }

    /// <returns>The payload the token was made with, or null when it is forged, altered, made for another purpose or expired.</returns>
    public string? Read(string purpose, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            // The protector refuses tokens expired by the machine's clock; the application's clock decides too, so
            // expiry follows the same time as everything else the application does.
            var payload = Protector(purpose).Unprotect(token, out var expires);
            return expires >= clock.GetUtcNow() ? payload : null;
        }
        catch (CryptographicException)
        {
            // Forged, altered, another purpose or expired: all the same to the visitor.
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private ITimeLimitedDataProtector Protector(string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        return protectors.GetOrAdd(purpose, p => protection.CreateProtector(p).ToTimeLimitedDataProtector());
    }
}
