using System.ComponentModel.DataAnnotations;

namespace Campaigns.Web.Features.Alerts;

public sealed class AlertsOptions
{
    public const string Section = "Alerts";

    /// <summary>Recipients per chunk job: large enough that Hangfire's per-job cost vanishes, small enough to resume cheaply.</summary>
    [Range(10, 5000)]
    public int ChunkSize { get; set; } = 500;

    /// <summary>SMTP connections a chunk keeps open and sends over in parallel.</summary>
    [Range(1, 32)]
    public int SmtpConnections { get; set; } = 4;

    /// <summary>For relays that cap the rate; 0 for no limit.</summary>
    [Range(0, 100_000)]
    public int MaxMessagesPerSecond { get; set; }

    /// <summary>Tries per message when the SMTP server refuses for now or drops the connection.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First wait between tries; each further try waits twice as long.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A chunk claimed longer ago than this by a run that died is taken over by the next run.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Bearer secret the bounce/complaint webhook of the mail provider must present; the endpoint is off without it.</summary>
    public string? BounceWebhookSecret { get; set; }
}
