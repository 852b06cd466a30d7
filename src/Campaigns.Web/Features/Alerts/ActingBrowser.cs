using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Campaigns.Web.Features.Alerts;

/// <summary>
/// Tells one anonymous browser from another when it reports an action, so it counts once: a signed cookie with a
/// random id and nothing else (no name, no address, no tracking across sites). Signed, so a script cannot mint ids
/// without asking for them, and asking for a new one is rate-limited per client address.
/// </summary>
public sealed class ActingBrowser(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "campaigns-acted";

    private readonly IDataProtector protector = protection.CreateProtector("Campaigns.Alerts.ActingBrowser.v1");

    public Guid? Read(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Cookies[CookieName] is not { Length: > 0 and < 500 } value)
        {
            return null;
        }

        try
        {
            return Guid.TryParseExact(protector.Unprotect(value), "N", out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public Guid Issue(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        context.Response.Cookies.Append(CookieName, protector.Protect(id.ToString("N")), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/alerts",
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
        return id;
    }
}
