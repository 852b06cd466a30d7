using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Features.Alerts.Sending;
using Campaigns.Web.Infrastructure.Localization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Alerts.Admin;

/// <summary>A send asked for (its id), the urgent action not found (no id, no errors), or field errors and nothing saved.</summary>
public sealed record CreateAlertSendResult(Guid? SendId, IReadOnlyList<KeyValuePair<string, string>> Errors)
{
    public bool Succeeded => SendId is not null;

    public bool NotFound => SendId is null && Errors.Count == 0;
}

/// <summary>
/// Asks for a send, now or later. The form carries a request id made when it was shown: a double click, a
/// resubmitted form or a retried request finds the send already made and starts nothing new. Readers of a language
/// the urgent action has no version in get the main language; the coordinator must have agreed to that, for each
/// such language, or nothing is created. A time to send at is a wall-clock time in the coordinator's zone.
/// </summary>
public sealed class CreateAlertSend(
    CampaignsDbContext db, ReadSendAudience audience, IBackgroundJobClient jobs, TimeProvider clock, IStringLocalizer<SharedResource> localizer,
    ILogger<CreateAlertSend> logger)
{
    /// <summary>For callers without a person's zone (jobs, tests): a time to send at is read as UTC.</summary>
    public Task<CreateAlertSendResult> HandleAsync(string slug, SendForm form, CancellationToken cancellationToken) =>
        HandleAsync(slug, form, TimeZoneInfo.Utc, cancellationToken);

    public async Task<CreateAlertSendResult> HandleAsync(string slug, SendForm form, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(zone);
        var actionId = await db.UrgentActions.Where(a => a.Slug == slug).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken);
        if (actionId is null || form.RequestId == Guid.Empty)
        {
            return new CreateAlertSendResult(null, []);
        }

        var existing = await db.AlertSends.Where(s => s.RequestId == form.RequestId).Select(s => (Guid?)s.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return new CreateAlertSendResult(existing, []);
        }

        var errors = new List<KeyValuePair<string, string>>();
        DateTimeOffset? at = null;
        if (form.ScheduledFor is { } local)
        {
            at = TimeZones.ToUtc(local, zone);
            if (at is null)
            {
                errors.Add(new(nameof(form.ScheduledFor), localizer[
                    "{0} does not exist in {1}: the clocks go forward then. Choose a time before or after the change.",
                    local.ToString("g", System.Globalization.CultureInfo.CurrentCulture), zone.Id]));
            }
        }

        var unagreed = (await audience.WithoutVersionAsync(actionId.Value, form, cancellationToken))
            .Where(l => !form.AgreedFallbackLanguages.Contains(l)).ToList();
        if (unagreed.Count > 0)
        {
            errors.Add(new(nameof(form.AgreeToFallback), localizer[
                "The urgent action has no version in {0}: those readers get it in {1}. Tick the box to agree, or add the version first.",
                CampaignsLocalization.LanguageList(unagreed, localizer), CampaignsLocalization.LanguageName(ReadSendAudience.MainLanguage, localizer)]));
        }

        if (errors.Count > 0)
        {
            return new CreateAlertSendResult(null, errors);
        }

        var now = clock.GetUtcNow();
        var scheduledFor = at is { } later && later > now ? later : now;
        var send = new AlertSend
        {
            Id = Guid.CreateVersion7(now),
            UrgentActionId = actionId.Value,
            RequestId = form.RequestId,
            Kind = form.Kind,
            Languages = TagList.From(form.ChosenLanguages),
            Interests = TagList.From(form.Interests),
            OnlyThoseWhoActed = form.ActorsOnly,
            Message = form.Message?.Trim() ?? "",
            MessageEs = form.MessageEs?.Trim() ?? "",
            MessageFr = form.MessageFr?.Trim() ?? "",
            CreatedAt = now,
            ScheduledFor = scheduledFor,
            Status = SendStatus.Scheduled,
        };
        db.AlertSends.Add(send);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two submits raced past the check above; the unique request id let one through.
            db.ChangeTracker.Clear();
            return new CreateAlertSendResult(await db.AlertSends.Where(s => s.RequestId == form.RequestId).Select(s => (Guid?)s.Id).SingleAsync(cancellationToken), []);
        }

        if (scheduledFor <= now)
        {
            jobs.Enqueue<PlanAlertSendJob>(j => j.RunAsync(send.Id, CancellationToken.None));
        }
        else
        {
            jobs.Schedule<PlanAlertSendJob>(j => j.RunAsync(send.Id, CancellationToken.None), scheduledFor);
        }

        logger.LogInformation("Alert send {SendId} of {UrgentActionId} requested for {ScheduledFor}", send.Id, actionId, scheduledFor);
        return new CreateAlertSendResult(send.Id, []);
    }
}
