using Campaigns.Testing;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Security;
using Campaigns.Web.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.IntegrationTests;

internal static class TestUsers
{
    public const string Password = "correct horse river stone";

    /// <summary>The authenticator key of a staff user made here, from the address; <see cref="Totp"/> turns it into codes.</summary>
    public static string AuthenticatorKeyFor(string email)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(email.ToUpperInvariant()));
        var bits = string.Concat(bytes.Select(b => Convert.ToString(b, 2).PadLeft(8, '0')));
        return string.Concat(Enumerable.Range(0, bits.Length / 5).Select(i => alphabet[Convert.ToInt32(bits.Substring(i * 5, 5), 2)]));
    }

    /// <summary>
    /// A confirmed user with the given roles, created through Identity as the app would. Admins and Coordinators
    /// come with two-step verification on (key <see cref="AuthenticatorKeyFor"/>), as the app requires of them.
    /// </summary>
    public static async Task<CampaignsUser> CreateAsync(CampaignsAppFactory app, string email, params string[] roles)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CampaignsUser>>();
        var user = new CampaignsUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
        {
            await users.AddToRolesAsync(user, roles);
        }

        if (roles.Contains(Roles.Admin) || roles.Contains(Roles.Coordinator))
        {
            var keys = (IUserAuthenticatorKeyStore<CampaignsUser>)scope.ServiceProvider.GetRequiredService<IUserStore<CampaignsUser>>();
            await keys.SetAuthenticatorKeyAsync(user, AuthenticatorKeyFor(email), CancellationToken.None);
            var enabled = await users.SetTwoFactorEnabledAsync(user, true);
            Assert.True(enabled.Succeeded, string.Join("; ", enabled.Errors.Select(e => e.Description)));
        }

        return user;
    }

    /// <summary>Need-to-know of a partner organisation's protected details, as an Admin would grant it at /admin/access.</summary>
    public static Task GrantPartnerAsync(CampaignsAppFactory app, string email, string partnerSlug) =>
        app.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var partnerId = await db.Partners.Where(p => p.Slug == partnerSlug).Select(p => p.Id).SingleAsync();
            db.AccessGrants.Add(new AccessGrant { Id = Guid.CreateVersion7(), UserId = userId, Scope = AccessScope.Partner, RecordId = partnerId, GrantedAt = DateTimeOffset.UtcNow, GrantedBy = userId });
            return await db.SaveChangesAsync();
        });
}
