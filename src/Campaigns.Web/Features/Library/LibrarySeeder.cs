using Campaigns.Web.Data;
using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Domain.Library;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Library;

/// <summary>seeds/library.json: a few items, keyed by slug, linked to seeded tours by slug.</summary>
public sealed class LibrarySeeder(CampaignsDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    public async Task SeedAsync(string folder, CancellationToken cancellationToken)
    {
        var seeds = await DemoDataSeeder.ReadAsync<List<ItemSeed>>(folder, "library.json", cancellationToken);
        if (seeds is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var s in seeds)
        {
            if (await db.LibraryItems.AnyAsync(i => i.Slug == s.Slug, cancellationToken))
            {
                continue;
            }

            db.LibraryItems.Add(new LibraryItem
            {
                Id = Guid.CreateVersion7(now),
                Slug = s.Slug,
                Kind = s.Kind,
                Title = s.Title,
                Description = s.Description,
                Url = s.Url,
                Language = s.Language,
                Subtitles = s.Subtitles ?? "",
                CountryCode = s.CountryCode ?? "",
                Topics = s.Topics ?? "",
                PartnerOrganisationId = s.Partner is null ? null : await db.Partners.Where(p => p.Slug == s.Partner).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken),
                Tours = await db.Tours.Where(t => (s.Tours ?? new List<string>()).Contains(t.Slug)).ToListAsync(cancellationToken),
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record ItemSeed(
        string Slug, LibraryItemKind Kind, string Title, string Description, string? Url, string Language, string? Subtitles,
        string? Partner, string? CountryCode, string? Topics, List<string>? Tours);
}
