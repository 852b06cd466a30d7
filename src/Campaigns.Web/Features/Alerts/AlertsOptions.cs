using System.ComponentModel.DataAnnotations;

namespace Campaigns.Web.Features.Alerts;

public sealed class AlertsOptions : IValidatableObject
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

    /// <summary>
    /// How long a send may go without delivering anything (no mail server, login refused, server unreachable)
    /// before it stops and is marked failed with the reason, for a coordinator to resume once it is fixed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The pause before a chunk that could not send anything tries again, until <see cref="GiveUpAfter"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ProblemRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public string? DkimDomain { get; set; }

    public string? DkimSelector { get; set; }

    /// <summary>RSA private key, PEM. From an environment variable or user-secrets, never committed.</summary>
    public string? DkimPrivateKeyPem { get; set; }

    /// <summary>Bearer secret the bounce/complaint webhook of the mail provider must present; the endpoint is off without it.</summary>
    public string? BounceWebhookSecret { get; set; }

    public bool SignsDkim => !string.IsNullOrWhiteSpace(DkimPrivateKeyPem);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SignsDkim && (string.IsNullOrWhiteSpace(DkimDomain) || string.IsNullOrWhiteSpace(DkimSelector)))
        {
            yield return new ValidationResult("are required when Alerts:DkimPrivateKeyPem is set.", [nameof(DkimDomain), nameof(DkimSelector)]);
        }

        if (ProblemRetryDelay > GiveUpAfter)
        {
            yield return new ValidationResult("must not be longer than Alerts:GiveUpAfter.", [nameof(ProblemRetryDelay)]);
        }
    }
}
