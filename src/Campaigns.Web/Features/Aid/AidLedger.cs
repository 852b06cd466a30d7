using System.Globalization;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Campaigns.Web.Features.Aid;

/// <summary>
/// The only way money enters the ledger. An entry and its receipt email are saved in one transaction, and the
/// entry's unique external key makes a second attempt (a duplicate webhook, a retried job, a double click) a
/// no-op that sends nothing.
/// </summary>
public sealed class AidLedger(CampaignsDbContext db, EmailQueue emails, IOptions<CampaignsOptions> options, ILogger<AidLedger> logger)
{
    /// <returns>True when this call wrote the entry; false when an entry with the same key already existed.</returns>
    public async Task<bool> AppendAsync(LedgerEntry entry, Donation? receiptFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (await db.LedgerEntries.AnyAsync(e => e.ExternalKey == entry.ExternalKey, cancellationToken))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            db.LedgerEntries.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            if (receiptFor is { DonorEmail: { Length: > 0 } email } && entry.AmountMinor > 0)
            {
                entry.ReceiptNumber ??= LedgerEntry.ReceiptNumberFor(entry.ExternalKey, entry.OccurredAt);
                await QueueReceiptAsync(entry, receiptFor, email, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            logger.LogInformation("Ledger entry {ExternalKey} was already recorded", entry.ExternalKey);
            return false;
        }

        emails.EnqueuePending();
        logger.LogInformation("Ledger entry {EntryId} ({Kind}) recorded for drive {DriveId}", entry.Id, entry.Kind, entry.AidDriveId);
        return true;
    }

    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception?.InnerException switch
        {
            PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
            SqliteException sqlite => sqlite.SqliteErrorCode == 19,
            _ => false,
        };

    private async Task QueueReceiptAsync(LedgerEntry entry, Donation donation, string email, CancellationToken cancellationToken)
    {
        var drive = await db.AidDrives.AsNoTracking().Where(d => d.Id == entry.AidDriveId).Select(d => new { d.Title, d.Slug }).SingleAsync(cancellationToken);
        var culture = CultureInfo.GetCultureInfo(donation.Culture);
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var model = new ReceiptEmailModel(
            donation.DonorName ?? "",
            drive.Title,
            Money.Format(entry.AmountMinor, entry.Currency, culture),
            DateOnly.FromDateTime(entry.OccurredAt.UtcDateTime),
            entry.ReceiptNumber!,
            donation.Frequency == DonationFrequency.Monthly && donation.StripeCustomerId is not null
                ? $"{baseUrl}/aid/{drive.Slug}/thanks/{donation.AccessKey}"
                : null,
            $"{baseUrl}/aid/{drive.Slug}/thanks/{donation.AccessKey}");
        await emails.QueueAsync(new EmailMessage(email, donation.DonorName, "Your receipt", "Aid/Emails/Receipt", model, donation.Culture), "aid-receipt", cancellationToken);
    }
}

public sealed record ReceiptEmailModel(string DonorName, string DriveTitle, string Amount, DateOnly Date, string ReceiptNumber, string? ManageLink, string DonationLink);
