using Campaigns.Web.Data;
using Campaigns.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Delegations;

/// <summary>seeds/delegations.json: demo rosters, dated from today so they stay in the future. Idempotent by slug.</summary>
public sealed class DelegationsSeeder(CampaignsDbContext db, SaveRoster save, TimeProvider clock, ILogger<DelegationsSeeder> logger) : IDemoDataSeeder
{
    public async Task SeedAsync(string folder, CancellationToken cancellationToken)
    {
        var seeds = await DemoDataSeeder.ReadAsync<List<RosterSeed>>(folder, "delegations.json", cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var seed in seeds ?? [])
        {
            if (await db.Rosters.AnyAsync(r => r.Slug == seed.Slug, cancellationToken))
            {
                continue;
            }

            var form = new RosterForm
            {
                Title = seed.Title, Purpose = seed.Purpose, City = seed.City, CountryCode = seed.CountryCode, PartnerSlug = seed.PartnerSlug,
                StartsOn = today.AddDays(seed.StartsInDays), EndsOn = today.AddDays(seed.StartsInDays + seed.Days - 1), BriefingText = seed.Briefing,
                Roles = seed.Roles.Select(r => new RoleInput { Name = r.Name, Needed = r.Needed }).ToList(),
            };
            var result = await save.CreateAsync(form, coordinatorId: null, cancellationToken);
            if (result.Errors.Count > 0)
            {
                throw new InvalidOperationException($"seeds: roster '{seed.Slug}': {string.Join(" ", result.Errors)}");
            }

            // The slug comes from the title; keep the one the seed file names, so re-runs find it.
            await db.Rosters.Where(r => r.Slug == result.Slug).ExecuteUpdateAsync(u => u.SetProperty(r => r.Slug, seed.Slug), cancellationToken);
            logger.LogInformation("Seeded roster {Slug}", seed.Slug);
        }
    }

    private sealed record RosterSeed(
        string Slug, string Title, string Purpose, string City, string CountryCode, string? PartnerSlug, int StartsInDays, int Days, string Briefing,
        List<RoleSeed> Roles);

    private sealed record RoleSeed(string Name, int Needed);
}
