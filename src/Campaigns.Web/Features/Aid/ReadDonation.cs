using Campaigns.Web.Data;
using Campaigns.Web.Domain.Aid;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Aid;

/// <summary>The thank-you page: what the donor gave and whether the money has arrived.</summary>
public sealed class ReadDonation(CampaignsDbContext db)
{
    public async Task<DonationView?> FindAsync(string slug, string accessKey, CancellationToken cancellationToken)
    {
        var donation = await db.Donations.AsNoTracking()
            .Where(d => d.AccessKey == accessKey)
            .Join(db.AidDrives.Where(a => a.Slug == slug), d => d.AidDriveId, a => a.Id, (d, a) => new
            {
                d.Id, d.Source, d.Frequency, d.Status, d.AmountMinor, d.Currency, d.StripeCustomerId, d.CreatedAt,
                DriveTitle = a.Title, DriveSlug = a.Slug, a.PaymentInstructions,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (donation is null)
        {
            return null;
        }

        var receipts = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.DonationId == donation.Id)
            .OrderBy(e => e.OccurredAt)
            .Select(e => new DonationLedgerLine(e.OccurredAt, e.Kind, e.AmountMinor, e.Currency, e.ReceiptNumber))
            .ToListAsync(cancellationToken);
        return new DonationView(
            donation.DriveSlug, donation.DriveTitle, accessKey, donation.Source, donation.Frequency, donation.Status, donation.AmountMinor,
            donation.Currency, StartDonation.PledgeReference(donation.Id), donation.PaymentInstructions,
            donation.Frequency == DonationFrequency.Monthly && donation.StripeCustomerId is not null, receipts);
    }
}

public sealed record DonationView(
    string DriveSlug, string DriveTitle, string AccessKey, DonationSource Source, DonationFrequency Frequency, DonationStatus Status,
    long AmountMinor, string Currency, string PledgeReference, string PaymentInstructions, bool CanManage,
    IReadOnlyList<DonationLedgerLine> Lines)
{
    public bool Processing => Status == DonationStatus.AwaitingPayment && Lines.Count == 0;
}

public sealed record DonationLedgerLine(DateTimeOffset OccurredAt, LedgerEntryKind Kind, long AmountMinor, string Currency, string? ReceiptNumber);
