using System.Globalization;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Alerts.Admin;

/// <summary>
/// Where a send stands: what the admin page shows and its script polls. Numbers for the bar, and the same sentences
/// the page prints (status, rate, time left, the last problem in words), in the reader's language and time zone.
/// </summary>
public sealed class ReadSendProgress(CampaignsDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public async Task<List<SendProgress>> ForActionAsync(Guid urgentActionId, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var ids = await db.AlertSends.AsNoTracking().Where(s => s.UrgentActionId == urgentActionId)
            .OrderByDescending(s => s.CreatedAt).Select(s => s.Id).ToListAsync(cancellationToken);
        var result = new List<SendProgress>();
        foreach (var id in ids)
        {
            result.Add((await HandleAsync(id, zone, cancellationToken))!);
        }

        return result;
    }

    public async Task<SendProgress?> HandleAsync(Guid sendId, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var send = await db.AlertSends.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sendId, cancellationToken);
        if (send is null)
        {
            return null;
        }

        var stats = await db.AlertDeliveries.AsNoTracking().Where(d => d.AlertSendId == sendId)
            .GroupBy(d => 1)
            .Select(g => new
            {
                Sent = g.Count(d => d.SentAt != null),
                Failed = g.Count(d => d.FailedAt != null),
                First = g.Min(d => d.SentAt),
                Last = g.Max(d => d.SentAt),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var sent = stats?.Sent ?? 0;
        var failed = stats?.Failed ?? 0;
        var remaining = Math.Max(0, send.Recipients - sent - failed);
        var seconds = stats is { First: { } first, Last: { } last } ? (last - first).TotalSeconds : 0;
        var rate = seconds > 0 ? Math.Round(sent / seconds, 1) : 0;
        var active = send.Status is SendStatus.Scheduled or SendStatus.Planning or SendStatus.Sending;
        double? secondsLeft = send.Status == SendStatus.Sending && rate > 0 && remaining > 0 ? Math.Ceiling(remaining / rate) : null;

        // The newest failure that is a delivery problem: a row closed because its reader unsubscribed is no error.
        var lastError = failed == 0 || send.Problem != SendProblem.None ? null : await db.AlertDeliveries.AsNoTracking()
            .Where(d => d.AlertSendId == sendId && d.FailedAt != null && d.LastError != null && d.LastError != SendProblems.ClosedBeforeSending)
            .OrderByDescending(d => d.FailedAt).Select(d => d.LastError).FirstOrDefaultAsync(cancellationToken);

        return new SendProgress(
            send.Id, send.Kind, send.Status, send.ScheduledFor, send.Recipients, sent, failed, remaining, rate, send.CompletedAt, clock.GetUtcNow(),
            active,
            send.Recipients == 0 ? (send.Status == SendStatus.Completed ? 100 : 0) : Math.Round(100.0 * (sent + failed) / send.Recipients, 1),
            secondsLeft,
            StatusText(send, zone),
            rate > 0 ? localizer["{0} a second", rate.ToString("0.#", CultureInfo.CurrentCulture)] : "—",
            secondsLeft is { } left ? TimeLeftText(left) : "—",
            send.Problem != SendProblem.None ? SendProblems.Describe(send.Problem, localizer) : lastError is null ? null : SendProblems.Describe(lastError, localizer),
            send.Status == SendStatus.Failed);
    }

    private string StatusText(AlertSend send, TimeZoneInfo zone) => send.Status switch
    {
        SendStatus.Scheduled => localizer["Scheduled for {0}", When(send.ScheduledFor, zone)],
        SendStatus.Completed when send.CompletedAt is { } at => localizer["Completed {0}", When(at, zone)],
        SendStatus.Failed => localizer["Stopped: nothing could be sent since {0}", When(send.ProblemSince ?? send.StartedAt ?? send.CreatedAt, zone)],
        _ => localizer[send.Status.ToString()],
    };

    /// <summary>"Friday, 11 December 2026 09:30 (Europe/Madrid)": the reader's language, their zone, named.</summary>
    public static string When(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("f", CultureInfo.CurrentCulture) + " (" + zone.Id + ")";

    private string TimeLeftText(double seconds) => seconds switch
    {
        < 60 => localizer["less than a minute"],
        < 3600 => localizer["about {0} min", Math.Ceiling(seconds / 60)],
        _ => localizer["about {0} h {1} min", Math.Floor(seconds / 3600), Math.Ceiling(seconds % 3600 / 60)],
    };
}

/// <param name="Percent">Of the recipients, those done (sent or failed), 0–100.</param>
/// <param name="SecondsLeft">At the rate so far; null when it cannot be told (not sending, nothing sent yet).</param>
/// <param name="CanResume">The send gave up (Failed): a coordinator can send the rest.</param>
/// <param name="Problem">The last problem in words ("the mail server refused the login"); null when there is none.</param>
public sealed record SendProgress(
    Guid Id, AlertKind Kind, SendStatus Status, DateTimeOffset ScheduledFor, int Recipients, int Sent, int Failed, int Remaining,
    double PerSecond, DateTimeOffset? CompletedAt, DateTimeOffset At,
    bool Active, double Percent, double? SecondsLeft, string StatusText, string RateText, string TimeLeftText, string? Problem, bool CanResume);
