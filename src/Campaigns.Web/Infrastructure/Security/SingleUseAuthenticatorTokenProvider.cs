using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Campaigns.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Campaigns.Web.Infrastructure.Security;

/// <summary>
/// Identity's authenticator check (RFC 6238 codes, two 30-second steps either side) plus what RFC 6238 §5.2 asks
/// and Identity leaves out: a code, once accepted, is not accepted again. A code read over a shoulder or relayed by
/// a phishing page a moment later is worthless; only a later step's code is accepted afterwards.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider : AuthenticatorTokenProvider<CampaignsUser>
{
    public const string ProviderName = "SingleUseAuthenticator";
    private const string LoginProvider = "[Campaigns]";
    private const string LastStepToken = "LastAuthenticatorStep";

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<CampaignsUser> manager, CampaignsUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token is not { Length: 6 } || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        // The phone's clock is the real one: compared with the system's, never with a clock moved for a test or a demo.
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() / 30;
        var keyBytes = FromBase32(key);
        long? matched = null;
        for (var step = now - 2; step <= now + 2; step++)
        {
            if (Code(keyBytes, step) == code)
            {
                matched = step;
                break;
            }
        }

        // The step is stored with a fingerprint of the key: a new key starts afresh.
        var fingerprint = Convert.ToHexString(SHA256.HashData(keyBytes), 0, 8);
        var stored = (await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepToken))?.Split(':');
        var last = stored is [var lastStep, var storedFingerprint] && storedFingerprint == fingerprint
            && long.TryParse(lastStep, CultureInfo.InvariantCulture, out var l) ? l : long.MinValue;
        if (matched is not { } accepted || accepted <= last)
        {
            return false;
        }

        // The save fails on a concurrent change to the user (concurrency stamp): then the same code cannot win twice.
        var saved = await manager.SetAuthenticationTokenAsync(
            user, LoginProvider, LastStepToken, string.Create(CultureInfo.InvariantCulture, $"{accepted}:{fingerprint}"));
        return saved.Succeeded;
    }

    private static int Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0f;
        return (BinaryPrimitives.ReadInt32BigEndian(hash.Slice(offset, 4)) & 0x7fffffff) % 1_000_000;
    }

    private static byte[] FromBase32(string key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(key.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in key.ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                continue;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
