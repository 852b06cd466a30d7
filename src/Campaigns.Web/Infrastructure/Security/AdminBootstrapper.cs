using System.Security.Cryptography;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Infrastructure.Security;

/// <summary>
/// Creates the roles, and the first Admin with a generated password when there is no Admin at all. No password
/// is ever baked into the code: the generated one is shown once, on the console of the first run.
/// </summary>
public sealed class AdminBootstrapper(
    UserManager<CampaignsUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<CampaignsOptions> options,
    TimeProvider clock)
{
    public async Task<(string Email, string Password)?> EnsureAdminAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() }));
            }
        }

        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return null;
        }

        var email = options.Value.AdminEmail;
        var admin = await users.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), cancellationToken);
        var password = GeneratePassword();
        if (admin is null)
        {
            admin = new CampaignsUser
            {
                Id = Guid.CreateVersion7(),
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = "Administrator",
                CreatedAt = clock.GetUtcNow(),
            };
            Check(await users.CreateAsync(admin, password));
        }
        else
        {
            Check(await users.RemovePasswordAsync(admin));
            Check(await users.AddPasswordAsync(admin, password));
        }

        Check(await users.AddToRoleAsync(admin, Roles.Admin));
        return (email, password);
    }

    /// <summary>Four groups of five from an unambiguous alphabet: about 100 bits, and easy to type once.</summary>
    internal static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var groups = Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(alphabet, 5));
        return string.Join('-', groups);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
