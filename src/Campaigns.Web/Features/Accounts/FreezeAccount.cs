using Campaigns.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Campaigns.Web.Features.Accounts;

/// <summary>
/// Duress: freezing ends every session at once (new security stamp, checked on each request) and blocks sign-in
/// until an Admin unfreezes. An Admin can freeze anyone; a person can freeze their own account from the link in
/// the security email sent at each staff sign-in, even from another device.
/// </summary>
public sealed class FreezeAccount(UserManager<CampaignsUser> users, IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(7);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Campaigns.Accounts.Freeze").ToTimeLimitedDataProtector();

    public string CreateToken(Guid userId) => Protector.Protect(userId.ToString(), LinkLifetime);

    public Guid? ReadToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return Guid.TryParse(Protector.Unprotect(token), out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public async Task<bool> FreezeAsync(Guid userId)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return false;
        }

        user.FrozenAt ??= clock.GetUtcNow();
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return true;
    }

    public async Task<bool> UnfreezeAsync(Guid userId)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return false;
        }

        user.FrozenAt = null;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await users.UpdateAsync(user);
        return true;
    }
}
