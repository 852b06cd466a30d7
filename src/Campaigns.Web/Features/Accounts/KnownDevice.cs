using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Campaigns.Web.Features.Accounts;

/// <summary>
/// A browser where the owner has proved who they are: a complete sign-in, an accepted invitation or a password reset
/// from their mailbox. Anyone who knows an address can trigger the lockout, again every fifteen minutes; on a known
/// browser the lockout does not apply, so an attacker cannot keep the owner out indefinitely. One wrong password
/// there during a lockout forgets the browser: a stolen cookie buys no extra guesses.
/// </summary>
public sealed class KnownDevice(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "campaigns.device";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private ITimeLimitedDataProtector Protector =>
        protection.CreateProtector("Campaigns.Accounts.KnownDevice").ToTimeLimitedDataProtector();

    public void Remember(HttpContext context, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(CookieName, Protector.Protect(userId.ToString(), Lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/account",
            IsEssential = true,
            Expires = clock.GetUtcNow() + Lifetime,
        });
    }

    public bool IsKnown(HttpContext context, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Cookies[CookieName] is not { Length: > 0 } value)
        {
            return false;
        }

        try
        {
            return Guid.TryParse(Protector.Unprotect(value), out var id) && id == userId;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public void Forget(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/account" });
    }
}
