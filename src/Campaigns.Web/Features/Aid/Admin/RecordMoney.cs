using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Aid;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Aid.Admin;

public sealed class OfflineGiftForm
{
    [Required(ErrorMessage = "Enter an amount, such as 25 or 25.50.")]
    [Display(Name = "Amount")]
    public string Amount { get; set; } = "";

    [Required(ErrorMessage = "Choose a currency.")]
    public string Currency { get; set; } = "";

    [Required]
    public string Channel { get; set; } = LedgerChannels.BankTransfer;

    [StringLength(200)]
    public string? DonorName { get; set; }

    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(320)]
    public string? DonorEmail { get; set; }

    public bool ShowNamePublicly { get; set; }

    public DateOnly? ReceivedOn { get; set; }

    [StringLength(1000)]
    public string? Note { get; set; }

    /// <summary>Made when the form is shown, so a double submission records one gift.</summary>
    public Guid Attempt { get; set; }
}

public sealed class MoneyOutForm
{
    [Required(ErrorMessage = "Enter an amount, such as 25 or 25.50.")]
    public string Amount { get; set; } = "";

    [Required(ErrorMessage = "Choose a currency.")]
    public string Currency { get; set; } = "";

    public bool IsCost { get; set; }

    [Required(ErrorMessage = "Say what it was for.")]
    [StringLength(1000)]
    public string Description { get; set; } = "";

    public Guid Attempt { get; set; }
}

/// <summary>
/// What coordinators write into the ledger by hand: gifts received offline, pledges that arrived, transfers to
/// the partner and costs. Every write is a new entry; nothing is edited.
/// </summary>
public sealed class RecordMoney(CampaignsDbContext db, AidLedger ledger, TimeProvider clock)
{
    public async Task<bool> OfflineGiftAsync(string slug, OfflineGiftForm form, Guid coordinatorId, IDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        var drive = await db.AidDrives.AsNoTracking().SingleOrDefaultAsync(d => d.Slug == slug, cancellationToken);
        var amount = Money.ParseMajor(form.Amount);
        var currency = form.Currency.Trim().ToUpperInvariant();
        Validate(amount, currency, errors);
        if (!LedgerChannels.Offline.Contains(form.Channel))
        {
            errors[nameof(form.Channel)] = "Choose how the gift was received.";
        }

        if (drive is null || errors.Count > 0)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var name = string.IsNullOrWhiteSpace(form.DonorName) ? null : form.DonorName.Trim();
        var id = form.Attempt == Guid.Empty ? Guid.CreateVersion7(now) : form.Attempt;
        var occurred = form.ReceivedOn is { } on ? new DateTimeOffset(on.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : now;
        if (!await db.Donations.AnyAsync(d => d.Id == id, cancellationToken))
        {
            db.Donations.Add(new Donation
            {
                Id = id,
                AidDriveId = drive.Id,
                Source = DonationSource.Offline,
                Frequency = DonationFrequency.OneTime,
                Status = DonationStatus.Paid,
                AmountMinor = amount!.Value,
                Currency = currency,
                DonorName = name,
                DonorEmail = string.IsNullOrWhiteSpace(form.DonorEmail) ? null : form.DonorEmail.Trim(),
                ShowNamePublicly = form.ShowNamePublicly && name is not null,
                Culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
                AccessKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
                Channel = form.Channel,
                CreatedAt = now,
                CompletedAt = occurred,
                Note = form.Note?.Trim(),
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        var donation = await db.Donations.AsNoTracking().SingleAsync(d => d.Id == id, cancellationToken);
        await ledger.AppendAsync(GiftEntry(donation, "offline:" + id, occurred, now, coordinatorId), donation, cancellationToken);
        return true;
    }

    public async Task<bool> PledgeReceivedAsync(string slug, Guid donationId, Guid coordinatorId, CancellationToken cancellationToken)
    {
        var donation = await db.Donations
            .Where(d => d.Id == donationId && d.Source == DonationSource.Pledge && db.AidDrives.Any(a => a.Id == d.AidDriveId && a.Slug == slug))
            .SingleOrDefaultAsync(cancellationToken);
        if (donation is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (donation.Status == DonationStatus.Pledged)
        {
            donation.Status = DonationStatus.Paid;
            donation.CompletedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        await ledger.AppendAsync(GiftEntry(donation, "pledge:" + donation.Id, now, now, coordinatorId), donation, cancellationToken);
        return true;
    }

    public async Task<bool> MoneyOutAsync(string slug, MoneyOutForm form, Guid coordinatorId, IDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        var driveId = await db.AidDrives.Where(d => d.Slug == slug).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(cancellationToken);
        var amount = Money.ParseMajor(form.Amount);
        var currency = form.Currency.Trim().ToUpperInvariant();
        Validate(amount, currency, errors);
        if (driveId is null || errors.Count > 0)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await ledger.AppendAsync(new LedgerEntry
        {
            Id = Guid.CreateVersion7(now),
            AidDriveId = driveId.Value,
            Kind = form.IsCost ? LedgerEntryKind.Cost : LedgerEntryKind.TransferToPartner,
            Channel = LedgerChannels.BankTransfer,
            AmountMinor = -amount!.Value,
            Currency = currency,
            Description = form.Description.Trim(),
            ExternalKey = "out:" + (form.Attempt == Guid.Empty ? Guid.CreateVersion7(now) : form.Attempt),
            OccurredAt = now,
            RecordedAt = now,
            RecordedByUserId = coordinatorId,
        }, null, cancellationToken);
        return true;
    }

    /// <summary>Corrects a mistaken entry with its mirror image; the original stays visible.</summary>
    public async Task<bool> ReverseAsync(string slug, Guid entryId, Guid coordinatorId, CancellationToken cancellationToken)
    {
        var entry = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.Id == entryId && e.Kind != LedgerEntryKind.Reversal && db.AidDrives.Any(a => a.Id == e.AidDriveId && a.Slug == slug))
            .SingleOrDefaultAsync(cancellationToken);
        if (entry is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await ledger.AppendAsync(new LedgerEntry
        {
            Id = Guid.CreateVersion7(now),
            AidDriveId = entry.AidDriveId,
            DonationId = entry.DonationId,
            Kind = entry.Kind is LedgerEntryKind.Gift ? LedgerEntryKind.Reversal : entry.Kind,
            Channel = entry.Channel,
            AmountMinor = -entry.AmountMinor,
            Currency = entry.Currency,
            Description = "Correction",
            PublicDonorName = entry.PublicDonorName,
            ExternalKey = "reverse:" + entry.Id,
            OccurredAt = now,
            RecordedAt = now,
            RecordedByUserId = coordinatorId,
            ReversesEntryId = entry.Id,
        }, null, cancellationToken);
        return true;
    }

    private static void Validate(long? amount, string currency, IDictionary<string, string> errors)
    {
        if (amount is null or <= 0 or > 100_000_000_00)
        {
            errors["Amount"] = "Enter an amount, such as 25 or 25.50.";
        }

        if (!Money.IsSupported(currency))
        {
            errors["Currency"] = "Choose one of the currencies offered.";
        }
    }

    private static LedgerEntry GiftEntry(Donation donation, string key, DateTimeOffset occurred, DateTimeOffset now, Guid coordinatorId) => new()
    {
        Id = Guid.CreateVersion7(now),
        AidDriveId = donation.AidDriveId,
        DonationId = donation.Id,
        Kind = LedgerEntryKind.Gift,
        Channel = donation.Channel,
        AmountMinor = donation.AmountMinor,
        Currency = donation.Currency,
        PublicDonorName = donation.ShowNamePublicly ? donation.DonorName : null,
        ExternalKey = key,
        OccurredAt = occurred,
        RecordedAt = now,
        RecordedByUserId = coordinatorId,
    };
}
