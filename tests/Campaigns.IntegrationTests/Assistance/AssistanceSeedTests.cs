using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Features.Assistance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.IntegrationTests.Assistance;

public sealed class AssistanceSeedTests(AssistanceAppFactory app) : AppTestBase(app), IClassFixture<AssistanceAppFactory>
{
    [Fact]
    public async Task Demo_data_has_a_taxonomy_twenty_volunteers_without_passwords_and_three_requests_with_needs_and_loads_once()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var seeder = scope.ServiceProvider.GetServices<IDemoDataSeeder>().OfType<AssistanceSeeder>().Single();
            await seeder.SeedAsync(DemoDataSeeder.DefaultFolder, CancellationToken.None);
        }

        var (categories, skills, volunteers, withPassword, requests) = await App.WithDbAsync(async db => (
            await db.SkillCategories.CountAsync(),
            await db.Skills.CountAsync(),
            await db.VolunteerProfiles.CountAsync(),
            await db.VolunteerProfiles.Join(db.Users, p => p.UserId, u => u.Id, (p, u) => u).CountAsync(u => u.PasswordHash != null),
            await db.AssistanceRequests.CountAsync(r => r.Skills.Any(s => s.Required))));

        Assert.Equal((5, 18, 20, 0, 3), (categories, skills, volunteers, withPassword, requests));
        var roles = await App.WithDbAsync(db => db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Where(x => db.VolunteerProfiles.Any(p => p.UserId == x.UserId)).Select(x => x.Name).Distinct().ToListAsync());
        Assert.Equal([Roles.Volunteer], roles);
    }
}
