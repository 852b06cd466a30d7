using System.ComponentModel.DataAnnotations;

namespace Campaigns.Web.Features.Privacy.Retention;

/// <summary>
/// How long each kind of personal data is kept, in days, before <see cref="PurgeExpiredDataJob"/> deletes it. The
/// defaults keep what the work needs and no more; the ledger and the audit log are never purged.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Per-recipient rows of alert sends, counted from when the row was sent or gave up.</summary>
    [Range(1, 3650)]
    public int AlertDeliveryLogs { get; set; } = 90;

    /// <summary>Volunteers' safety check-ins, counted from the end of the assignment (completed, declined or withdrawn).</summary>
    [Range(1, 3650)]
    public int CheckIns { get; set; } = 365;

    /// <summary>
    /// Sent emails in the outbox (their bodies name people), counted from sending. Also how long a completed erasure
    /// keeps trying to deliver its final email before it forgets the address.
    /// </summary>
    [Range(1, 3650)]
    public int SentEmails { get; set; } = 30;

    /// <summary>Processed Stripe webhook events (their payloads name donors); flagged ones wait for a coordinator.</summary>
    [Range(1, 3650)]
    public int StripeEvents { get; set; } = 180;

    /// <summary>Alert subscriptions never confirmed: the double opt-in was not completed.</summary>
    [Range(1, 3650)]
    public int UnconfirmedSubscribers { get; set; } = 30;

    /// <summary>RSVPs (names, addresses, access needs), counted from the end of the event.</summary>
    [Range(1, 3650)]
    public int PastEventRsvps { get; set; } = 365;

    /// <summary>Rows deleted per statement, so a first run on a large table never holds long locks.</summary>
    [Range(10, 100_000)]
    public int BatchSize { get; set; } = 1000;
}
