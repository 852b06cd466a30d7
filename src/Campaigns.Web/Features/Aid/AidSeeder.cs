using Campaigns.Web.Data;
using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Domain.Aid;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Aid;

/// <summary>
/// seeds/aid.json: suggested amounts, payment instructions and a few ledger entries for the base drives. Keyed by
/// drive slug and entry key, so a second run adds nothing.
/// </summary>
public sealed class AidSeeder(CampaignsDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    public async Task SeedAsync(string folder, CancellationToken cancellationToken)
    {
        var seeds = await DemoDataSeeder.ReadAsync<List<DriveSeed>>(folder, "aid.json", cancellationToken) ?? [];
        var now = clock.GetUtcNow();
        foreach (var seed in seeds)
        {
            var drive = await db.AidDrives.SingleOrDefaultAsync(d => d.Slug == seed.Slug, cancellationToken);
            if (drive is null)
            {
                continue;
            }

            if (drive.SuggestedAmountsMinor.Count == 0)
            {
                drive.SuggestedAmountsMinor = seed.SuggestedAmountsMinor;
            }

            if (string.IsNullOrEmpty(drive.PaymentInstructions))
            {
                drive.PaymentInstructions = seed.PaymentInstructions;
            }

            foreach (var need in seed.Needs ?? [])
            {
                if (await db.NeedItems.AnyAsync(n => n.AidDriveId == drive.Id && n.Item == need.Item, cancellationToken))
                {
                    continue;
                }

                db.NeedItems.Add(new NeedItem
                {
                    Id = Guid.CreateVersion7(now),
                    AidDriveId = drive.Id,
                    Item = need.Item,
                    Quantity = need.Quantity,
                    Unit = need.Unit,
                    Priority = need.Priority,
                    Notes = need.Notes ?? "",
                    CreatedAt = now,
                });
            }

            foreach (var entry in seed.Ledger)
            {
                var key = $"seed:{seed.Slug}:{entry.Key}";
                if (await db.LedgerEntries.AnyAsync(e => e.ExternalKey == key, cancellationToken))
                {
                    continue;
                }

                db.LedgerEntries.Add(new LedgerEntry
                {
                    Id = Guid.CreateVersion7(now),
                    AidDriveId = drive.Id,
                    Kind = entry.Kind,
                    Channel = entry.Channel,
                    AmountMinor = entry.AmountMinor,
                    Currency = entry.Currency,
                    Description = entry.Description ?? "",
                    PublicDonorName = entry.PublicDonorName,
                    ExternalKey = key,
                    OccurredAt = now.AddDays(entry.DaysAgo * -1),
                    RecordedAt = now,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record DriveSeed(string Slug, List<long> SuggestedAmountsMinor, string PaymentInstructions, List<EntrySeed> Ledger, List<NeedSeed>? Needs);

    private sealed record NeedSeed(string Item, int Quantity, string Unit, NeedPriority Priority, string? Notes);

    private sealed record EntrySeed(string Key, LedgerEntryKind Kind, string Channel, long AmountMinor, string Currency, string? Description, string? PublicDonorName, int DaysAgo);
}
