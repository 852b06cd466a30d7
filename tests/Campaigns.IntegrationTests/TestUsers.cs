using Campaigns.Testing;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.IntegrationTests;

internal static class TestUsers
{
    public const string Password = "correct horse river stone";

    /// <summary>A confirmed user with the given roles, created through Identity as the app would.</summary>
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
