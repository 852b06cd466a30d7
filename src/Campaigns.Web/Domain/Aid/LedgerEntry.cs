namespace Campaigns.Web.Domain.Aid;

/// <summary>
/// One line of a drive's append-only ledger. Entries are never updated or deleted; a mistake or a refund is a
/// new entry with the opposite sign. <see cref="ExternalKey"/> is unique, so recording the same payment twice
/// (a webhook delivered again, a coordinator double-clicking) leaves one entry.
/// </summary>
public sealed class LedgerEntry
{
    public Guid Id { get; set; }

    public Guid AidDriveId { get; set; }

    public Guid? DonationId { get; set; }

    public LedgerEntryKind Kind { get; set; }

    /// <summary>Card, BankTransfer, Cash, Cheque, Goods…</summary>
    public required string Channel { get; set; }

    /// <summary>Signed minor units: money in is positive, out or reversed is negative.</summary>
    public long AmountMinor { get; set; }

    public required string Currency { get; set; }

    public string Description { get; set; } = "";

    /// <summary>The donor's name, copied only when they agreed to be named; the public ledger shows this and nothing else about them.</summary>
    public string? PublicDonorName { get; set; }

    /// <summary>What makes this entry unique in the world: a Stripe object id, a pledge id, a form submission id.</summary>
    public required string ExternalKey { get; set; }

    public string? ReceiptNumber { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public Guid? RecordedByUserId { get; set; }

    /// <summary>Why a coordinator should look at this entry (e.g. it arrived after the drive ended); null when nothing is odd.</summary>
    public string? Flag { get; set; }

    public Guid? ReversesEntryId { get; set; }

    public static string ReceiptNumberFor(string externalKey, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(externalKey);

        // Derived from the key, so a retried job writes the same number it would have written the first time.
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(externalKey));
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"R{at:yyyy}-{Convert.ToHexString(hash, 0, 5)}");
    }
}

public enum LedgerEntryKind
{
    Gift = 0,
    Reversal = 1,
    TransferToPartner = 2,
    Cost = 3,
    GoodsIn = 4,
    GoodsOut = 5,
}
