using System.Globalization;
using System.Security.Claims;
using System.Text;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Campaigns.Web.Features.Accounts;

/// <summary>
/// Two-step verification with an authenticator app (TOTP, RFC 6238) and single-use recovery codes, kept by
/// Identity. Admins and Coordinators must have it: a phished password alone must not open other people's records.
/// </summary>
public sealed class ManageTwoFactor(UserManager<CampaignsUser> users, IOptions<CampaignsOptions> options)
{
    public const int RecoveryCodeCount = 10;

    public static bool IsRequiredFor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator);
    }

    public async Task<bool> IsRequiredForAsync(CampaignsUser user) =>
        await users.IsInRoleAsync(user, Roles.Admin) || await users.IsInRoleAsync(user, Roles.Coordinator);

    public async Task<TwoFactorStatus> StatusAsync(CampaignsUser user, ClaimsPrincipal principal) =>
        new(user.TwoFactorEnabled, await users.CountRecoveryCodesAsync(user), IsRequiredFor(principal));

    public async Task<AuthenticatorSetup> SetupAsync(CampaignsUser user, ClaimsPrincipal principal)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            return new AuthenticatorSetup(null, null, null, IsRequiredFor(principal));
        }

        var uri = AuthenticatorUri(options.Value.OrganisationName, user.Email ?? user.UserName ?? "", key);
        return new AuthenticatorSetup(Group(key), uri, QrSvg(uri), IsRequiredFor(principal));
    }

    /// <summary>A fresh key; the old one (if any) stops working.</summary>
    public async Task NewKeyAsync(CampaignsUser user) => Check(await users.ResetAuthenticatorKeyAsync(user));

    /// <summary>Turns two-step verification on if the code proves the app holds the key; returns the recovery codes.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(CampaignsUser user, string code)
    {
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user))
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Normalize(code)))
        {
            return null;
        }

        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return await NewRecoveryCodesAsync(user);
    }

    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(CampaignsUser user) =>
        [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];

    /// <summary>Only for those whose role does not require it, and only with the password.</summary>
    public async Task<bool> DisableAsync(CampaignsUser user, ClaimsPrincipal principal, string password)
    {
        if (IsRequiredFor(principal) || !await users.CheckPasswordAsync(user, password))
        {
            return false;
        }

        Check(await users.SetTwoFactorEnabledAsync(user, false));

        // A later enrolment starts from a new key, so an old copy of this one is worthless.
        Check(await users.ResetAuthenticatorKeyAsync(user));
        return true;
    }

    /// <summary>
    /// For someone who lost both the phone and the recovery codes, after an Admin has made sure who is asking: the
    /// key and codes stop working, sessions end, and staff set up a new app at their next sign-in.
    /// </summary>
    public async Task<bool> ResetAsync(Guid userId)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return false;
        }

        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));

        // Replacing the codes with ones nobody sees is how Identity empties them.
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 1);
        Check(await users.UpdateSecurityStampAsync(user));
        return true;
    }

    /// <summary>Spaces and dashes typed or pasted with the code are not part of it.</summary>
    public static string Normalize(string code) =>
        new([.. (code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-')]);

    /// <summary>Six digits is an app code; anything else is tried as a recovery code.</summary>
    public static bool IsAuthenticatorCode(string code)
    {
        var normalized = Normalize(code);
        return normalized.Length == 6 && normalized.All(char.IsAsciiDigit);
    }

    internal static string AuthenticatorUri(string issuer, string account, string key) =>
        string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6");

    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>Drawn on the server as inline SVG: no script, and the key never leaves for a third-party service.</summary>
    private static string QrSvg(string uri)
    {
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
