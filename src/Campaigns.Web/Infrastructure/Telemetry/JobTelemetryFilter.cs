using System.Diagnostics;
using Hangfire.Server;

namespace Campaigns.Web.Infrastructure.Telemetry;

/// <summary>A span and a duration per Hangfire job; there is no OpenTelemetry instrumentation package for Hangfire.</summary>
public sealed class JobTelemetryFilter : IServerFilter
{
    private const string ActivityKey = "campaigns.activity";
    private const string StartedKey = "campaigns.started";

    public void OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var activity = CampaignsTelemetry.Jobs.StartActivity($"job {context.BackgroundJob.Job.Type.Name}", ActivityKind.Consumer);
        activity?.SetTag("job.id", context.BackgroundJob.Id);
        activity?.SetTag("job.type", context.BackgroundJob.Job.Type.Name);
        context.Items[ActivityKey] = activity;
        context.Items[StartedKey] = Stopwatch.GetTimestamp();
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = context.Exception is null ? "succeeded" : context.Canceled ? "cancelled" : "failed";
        var type = new KeyValuePair<string, object?>("job.type", context.BackgroundJob.Job.Type.Name);
        var result = new KeyValuePair<string, object?>("job.outcome", outcome);
        CampaignsTelemetry.JobsPerformed.Add(1, type, result);
        if (context.Items.TryGetValue(StartedKey, out var started) && started is long timestamp)
        {
            CampaignsTelemetry.JobDuration.Record(Stopwatch.GetElapsedTime(timestamp).TotalSeconds, type, result);
        }

        if (context.Items.TryGetValue(ActivityKey, out var item) && item is Activity activity)
        {
            activity.SetTag("job.outcome", outcome);
            if (context.Exception is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, context.Exception.GetType().Name);
            }

            activity.Dispose();
        }
    }
}
