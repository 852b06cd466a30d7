using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Campaigns.Web.Infrastructure.Telemetry;

/// <summary>
/// The application's own traces and metrics. Instruments cost next to nothing when nobody listens, so code records
/// them unconditionally; exporting is switched on by <see cref="TelemetryOptions.OtlpEndpoint"/>.
/// </summary>
public static class CampaignsTelemetry
{
    public const string Name = "Campaigns";

    public static readonly ActivitySource Jobs = new($"{Name}.Jobs");

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> EmailsSent = Meter.CreateCounter<long>("campaigns.emails.sent", "{email}", "Emails accepted by the mail server or pickup folder");

    public static readonly Counter<long> EmailsFailed = Meter.CreateCounter<long>("campaigns.emails.failed", "{email}", "Email send attempts that failed");

    public static readonly Counter<long> DonationsRecorded = Meter.CreateCounter<long>("campaigns.donations.recorded", "{donation}", "Donations and pledges recorded in a ledger");

    public static readonly Counter<long> JobsPerformed = Meter.CreateCounter<long>("campaigns.jobs.performed", "{job}", "Background jobs performed, by type and outcome");

    public static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("campaigns.jobs.duration", "s", "Background job duration");
}
