using System.ComponentModel.DataAnnotations;
using System.Globalization;
namespace Campaigns.Web.Infrastructure.Email;

/// <summary>
/// The mailbox that receives bounces and complaints (the Return-Path and feedback-loop address), read over IMAP by
/// Features/Alerts/Bounces/BounceMailboxJob. Off when no host is set.
/// </summary>
public sealed class BounceMailboxOptions : IValidatableObject
{
    public const string Section = "Email:BounceMailbox";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 993;

    /// <summary>As for SMTP: Auto is implicit TLS on port 993, otherwise STARTTLS when offered.</summary>
    public EmailSecurity Security { get; set; } = EmailSecurity.Auto;

    public string? UserName { get; set; }

    /// <summary>From an environment variable or user-secrets, never committed.</summary>
    public string? Password { get; set; }

    public string InboxFolder { get; set; } = "INBOX";

    /// <summary>Where reports are moved once acted on; created when missing. Nothing is ever deleted.</summary>
    public string ProcessedFolder { get; set; } = "Processed";

    /// <summary>Where messages that are not bounces or complaints (or cannot be read) are moved, for a person to look at.</summary>
    public string UnrecognisedFolder { get; set; } = "Unrecognised";

    /// <summary>How often the mailbox is read: whole minutes, 1 minute to 1 day; an hour or more in whole hours.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Messages read per run at most; the rest wait for the next run.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The Hangfire schedule for <see cref="Interval"/>.</summary>
    public string Cron => Interval.TotalMinutes < 60
        ? string.Create(CultureInfo.InvariantCulture, $"*/{(int)Interval.TotalMinutes} * * * *")
        : Interval.TotalHours >= 24 ? "0 0 * * *" : string.Create(CultureInfo.InvariantCulture, $"0 */{(int)Interval.TotalHours} * * *");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("are required when Email:BounceMailbox:Host is set.", [nameof(UserName), nameof(Password)]);
        }

        var folders = new[] { InboxFolder, ProcessedFolder, UnrecognisedFolder };
        if (folders.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("must not be empty.", [nameof(InboxFolder), nameof(ProcessedFolder), nameof(UnrecognisedFolder)]);
        }
        else if (folders.Distinct(StringComparer.OrdinalIgnoreCase).Count() != folders.Length)
        {
            yield return new ValidationResult("must be three different folders.", [nameof(InboxFolder), nameof(ProcessedFolder), nameof(UnrecognisedFolder)]);
        }

        var wholeMinutes = Interval.Ticks % TimeSpan.TicksPerMinute == 0;
        var wholeHours = Interval.Ticks % TimeSpan.TicksPerHour == 0;
        if (Interval < TimeSpan.FromMinutes(1) || Interval > TimeSpan.FromDays(1) || !wholeMinutes || (Interval >= TimeSpan.FromHours(1) && !wholeHours))
        {
            yield return new ValidationResult("must be whole minutes from 00:01:00 to 1.00:00:00, and whole hours from 01:00:00.", [nameof(Interval)]);
        }
    }
}
