using Campaigns.Testing;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.IntegrationTests;

internal static class TestUsers
{
    public const string Password = "correct horse river stone";

    /// <summary>The authenticator key of every staff user made here; <see cref="Totp"/> turns it into codes.</summary>
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /// <summary>
    /// A confirmed user with the given roles, created through Identity as the app would. Admins and Coordinators
    /// come with two-step verification on (key <see cref="AuthenticatorKey"/>), as the app requires of them.
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
            await keys.SetAuthenticatorKeyAsync(user, AuthenticatorKey, CancellationToken.None);
            var enabled = await users.SetTwoFactorEnabledAsync(user, true);
            Assert.True(enabled.Succeeded, string.Join("; ", enabled.Errors.Select(e => e.Description)));
        }

        return user;
    }
}
