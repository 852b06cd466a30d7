using Campaigns.Web.Data;
using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Programmes;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Aid;

/// <summary>The public face of a drive: its story, progress per currency, and its ledger.</summary>
public sealed class ReadDrive(CampaignsDbContext db, TimeProvider clock)
{
    private static readonly LedgerEntryKind[] MoneyIn = [LedgerEntryKind.Gift, LedgerEntryKind.Reversal];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <param name="includeDrafts">Staff see drafts; the public never does.</param>
    public async Task<DriveView?> FindAsync(string slug, bool includeDrafts, CancellationToken cancellationToken)
    {
        var drive = await db.AidDrives.AsNoTracking()
            .Where(d => d.Slug == slug && (includeDrafts || d.Status != ProgrammeStatus.Draft))
            .Join(db.Partners, d => d.PartnerOrganisationId, p => p.Id, (d, p) => new
            {
                d.Id, d.Slug, d.Title, d.Story, d.Currency, d.GoalAmountMinor, d.StartsOn, d.EndsOn, d.Status,
                d.SuggestedAmountsMinor, d.MinimumAmountMinor, d.MaximumAmountMinor, d.PaymentInstructions,
                PartnerName = p.Visibility == ProfileVisibility.Public ? p.Name : p.PublicName,
                p.CountryCode,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (drive is null)
        {
            return null;
        }

        var totals = await TotalsAsync(drive.Id, cancellationToken);
        var donors = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.AidDriveId == drive.Id && e.DonationId != null && MoneyIn.Contains(e.Kind))
            .GroupBy(e => e.DonationId)
            .Where(g => g.Sum(e => e.AmountMinor) > 0)
            .CountAsync(cancellationToken);

        // Gifts entered without a donation record (imported or demo entries) are one donor each.
        donors += await db.LedgerEntries.AsNoTracking()
            .CountAsync(e => e.AidDriveId == drive.Id && e.DonationId == null && e.Kind == LedgerEntryKind.Gift && e.AmountMinor > 0, cancellationToken);
        var today = Today;
        var open = ProgrammeWindow.IsLive(drive.Status, drive.StartsOn, drive.EndsOn, today);
        int? daysLeft = drive.EndsOn is { } end && end >= today ? end.DayNumber - today.DayNumber : null;
        var raisedInGoalCurrency = totals.FirstOrDefault(t => t.Currency == drive.Currency)?.RaisedMinor ?? 0;
        return new DriveView(
            drive.Id, drive.Slug, drive.Title, drive.Story, drive.PartnerName, drive.CountryCode, drive.Currency, drive.GoalAmountMinor,
            drive.StartsOn, drive.EndsOn, drive.Status, open, daysLeft, totals, donors, raisedInGoalCurrency,
            drive.SuggestedAmountsMinor, drive.MinimumAmountMinor, drive.MaximumAmountMinor, drive.PaymentInstructions);
    }

    /// <summary>Money raised, one line per currency; never summed across currencies.</summary>
    public async Task<List<CurrencyTotal>> TotalsAsync(Guid driveId, CancellationToken cancellationToken)
    {
        var rows = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.AidDriveId == driveId && e.Channel != LedgerChannels.Goods)
            .GroupBy(e => e.Currency)
            .Select(g => new
            {
                Currency = g.Key,
                Raised = g.Where(e => e.Kind == LedgerEntryKind.Gift || e.Kind == LedgerEntryKind.Reversal).Sum(e => e.AmountMinor),
                Out = g.Where(e => e.Kind == LedgerEntryKind.TransferToPartner || e.Kind == LedgerEntryKind.Cost).Sum(e => e.AmountMinor),
            })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Currency, StringComparer.Ordinal).Select(r => new CurrencyTotal(r.Currency, r.Raised, -r.Out)).ToList();
    }

    /// <summary>
    /// The money raised in one currency through each coalition co-sponsor's share link, counted as
    /// <see cref="TotalsAsync"/> counts it (gifts less refunds, goods aside), so the parts add up to the drive's total.
    /// </summary>
    public async Task<Dictionary<Guid, long>> RaisedViaMembersAsync(Guid driveId, string currency, CancellationToken cancellationToken)
    {
        var rows = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.AidDriveId == driveId && e.Channel != LedgerChannels.Goods && e.Currency == currency && (e.Kind == LedgerEntryKind.Gift || e.Kind == LedgerEntryKind.Reversal))
            .Join(db.Donations.Where(d => d.ViaMemberId != null), e => e.DonationId, d => (Guid?)d.Id, (e, d) => new { MemberId = d.ViaMemberId!.Value, e.AmountMinor })
            .GroupBy(x => x.MemberId)
            .Select(g => new { g.Key, Raised = g.Sum(x => x.AmountMinor) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Key, r => r.Raised);
    }

    public async Task<List<LedgerRow>> LedgerAsync(Guid driveId, bool staff, CancellationToken cancellationToken)
    {
        var rows = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.AidDriveId == driveId)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Id, e.OccurredAt, e.Kind, e.Channel, e.AmountMinor, e.Currency, e.Description, e.PublicDonorName,
                e.ReceiptNumber, e.Flag, e.DonationId, e.ExternalKey,
            })
            .ToListAsync(cancellationToken);
        Dictionary<Guid, (string? Name, string? Email)> donors = [];
        if (staff)
        {
            var ids = rows.Where(r => r.DonationId != null).Select(r => r.DonationId!.Value).Distinct().ToList();
            donors = await db.Donations.AsNoTracking().Where(d => ids.Contains(d.Id))
                .ToDictionaryAsync(d => d.Id, d => (d.DonorName, d.DonorEmail), cancellationToken);
        }

        return rows.Select(r => new LedgerRow(
            r.Id, r.OccurredAt, r.Kind, r.Channel, r.AmountMinor, r.Currency, r.Description,
            staff && r.DonationId is { } id && donors.TryGetValue(id, out var d) ? d.Name : r.PublicDonorName,
            staff && r.DonationId is { } id2 && donors.TryGetValue(id2, out var d2) ? d2.Email : null,
            staff ? r.ReceiptNumber : null,
            staff ? r.Flag : null,
            staff ? r.ExternalKey : null)).ToList();
    }
}

public static class LedgerChannels
{
    public const string Card = "Card";
    public const string BankTransfer = "BankTransfer";
    public const string Cash = "Cash";
    public const string Cheque = "Cheque";
    public const string Goods = "Goods";
    public const string Other = "Other";

    public static readonly IReadOnlyList<string> Offline = [BankTransfer, Cash, Cheque, Other];
}

public sealed record CurrencyTotal(string Currency, long RaisedMinor, long SentOutMinor);

public sealed record DriveView(
    Guid Id, string Slug, string Title, string Story, string PartnerName, string CountryCode, string Currency, long GoalAmountMinor,
    DateOnly StartsOn, DateOnly? EndsOn, ProgrammeStatus Status, bool IsOpen, int? DaysLeft, IReadOnlyList<CurrencyTotal> Totals,
    int Donors, long RaisedInGoalCurrency, IReadOnlyList<long> SuggestedAmountsMinor, long MinimumAmountMinor, long MaximumAmountMinor,
    string PaymentInstructions)
{
    /// <summary>For the progress bar; capped so a drive that overshoots shows a full bar, not a broken one.</summary>
    public long ProgressValue => Math.Clamp(RaisedInGoalCurrency, 0, Math.Max(GoalAmountMinor, 1));

    public int Percent => GoalAmountMinor <= 0 ? 0 : (int)Math.Min(999, RaisedInGoalCurrency * 100 / GoalAmountMinor);
}

public sealed record LedgerRow(
    Guid Id, DateTimeOffset OccurredAt, LedgerEntryKind Kind, string Channel, long AmountMinor, string Currency, string Description,
    string? DonorName, string? DonorEmail, string? ReceiptNumber, string? Flag, string? ExternalKey);
