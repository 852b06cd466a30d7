using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Domain.Security;
using Campaigns.Web.Features.Accounts;
using Campaigns.Web.Features.Admin.Access;
using Campaigns.Web.Features.Alerts.Sending;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Alerts.Admin;

[Authorize(Policy = Policies.Staff)]
[Route("admin/alerts")]
public sealed class AlertsAdminController(CampaignsDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var actions = await db.UrgentActions.AsNoTracking().OrderByDescending(a => a.IssuedOn)
            .Select(a => new ActionRow(a.Slug, a.CaseReference, a.Title, a.Status, a.Deadline, a.ExpiredAt != null))
            .ToListAsync(cancellationToken);
        var subscribers = await db.AlertSubscribers.AsNoTracking().GroupBy(s => new { s.Status, s.Language })
            .Select(g => new SubscriberCount(g.Key.Status, g.Key.Language, g.Count())).ToListAsync(cancellationToken);
        return View("Index", new AlertsAdminIndex(actions, subscribers));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("Edit", await EditModelAsync(null, new UrgentActionForm { Versions = [new() { Language = "es" }, new() { Language = "fr" }] }, cancellationToken));

    [HttpPost("new")]
    public async Task<IActionResult> Create(UrgentActionForm form, [FromServices] SaveUrgentAction save, [FromServices] GrantAccess grant, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View("Edit", await EditModelAsync(null, form, cancellationToken));
        }

        var slug = await save.HandleAsync(null, form, cancellationToken);

        // Whoever writes the case knows its details already: they get need-to-know of it, audited like any grant.
        var id = await db.UrgentActions.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync(cancellationToken);
        await grant.GrantAsync(User, NeedToKnow.UserId(User)!.Value, AccessScope.UrgentAction, id, cancellationToken);
        return Redirect($"/admin/alerts/{slug}");
    }

    [HttpGet("{slug}/edit")]
    public async Task<IActionResult> Edit(string slug, [FromServices] NeedToKnow needToKnow, CancellationToken cancellationToken)
    {
        var action = await db.UrgentActions.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        if (action is null)
        {
            return NotFound();
        }

        var allowed = await needToKnow.CanSeeUrgentActionAsync(User, action.Id, action.PartnerOrganisationId, cancellationToken);
        if (allowed)
        {
            await needToKnow.AuditAsync(User, AuditActions.Edit, AuditRecords.UrgentAction, action.Id, null, cancellationToken);
        }

        var versions = await db.UrgentActionVersions.AsNoTracking().Where(v => v.UrgentActionId == action.Id).ToListAsync(cancellationToken);
        var form = new UrgentActionForm
        {
            CaseReference = action.CaseReference,
            Title = action.Title,
            Summary = action.Summary,
            PeopleAtRisk = action.PeopleAtRisk,
            ProtectedDetails = allowed ? action.ProtectedDetails : null,
            KeepProtectedDetails = !allowed,
            WhatToDo = action.WhatToDo,
            LetterSubject = action.LetterSubject,
            LetterTemplate = action.LetterTemplate,
            Deadline = action.Deadline,
            Tags = string.Join(", ", TagList.Parse(action.Tags)),
            Status = action.Status,
            TargetIds = await db.UrgentActionTargets.Where(t => t.UrgentActionId == action.Id).Select(t => t.TargetId).ToListAsync(cancellationToken),
            Versions = new[] { "es", "fr" }.Select(l => versions.SingleOrDefault(v => v.Language == l) is { } v
                ? new VersionForm { Language = l, Title = v.Title, Summary = v.Summary, PeopleAtRisk = v.PeopleAtRisk, WhatToDo = v.WhatToDo, LetterSubject = v.LetterSubject, LetterTemplate = v.LetterTemplate }
                : new VersionForm { Language = l }).ToList(),
        };
        return View("Edit", await EditModelAsync(slug, form, cancellationToken));
    }

    [HttpPost("{slug}/edit")]
    public async Task<IActionResult> Update(string slug, UrgentActionForm form, [FromServices] SaveUrgentAction save, [FromServices] NeedToKnow needToKnow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var current = await db.UrgentActions.Where(a => a.Slug == slug).Select(a => new { a.Id, a.PartnerOrganisationId }).SingleOrDefaultAsync(cancellationToken);

        // Without need-to-know the form had no protected field: keep what is stored rather than blank it.
        form.KeepProtectedDetails = current is not null && !await needToKnow.CanSeeUrgentActionAsync(User, current.Id, current.PartnerOrganisationId, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View("Edit", await EditModelAsync(slug, form, cancellationToken));
        }

        return await save.HandleAsync(slug, form, cancellationToken) is { } saved ? Redirect($"/admin/alerts/{saved}") : NotFound();
    }

    [HttpGet("{slug}")]
    public Task<IActionResult> Details(string slug, [FromServices] ReadSendProgress progress, [FromServices] ReadSendAudience audience,
        [FromServices] AccountTimeZone zones, [FromServices] NeedToKnow needToKnow, CancellationToken cancellationToken) =>
        DetailsAsync(slug, new SendForm { RequestId = Guid.NewGuid() }, progress, audience, zones, needToKnow, cancellationToken);

    /// <summary>
    /// Sends, or, with Intent=count (the form's first button), shows the audience without sending. A refused send and
    /// a count show the page again with everything the coordinator typed, and the same request id.
    /// </summary>
    [HttpPost("{slug}/sends")]
    public async Task<IActionResult> Send(string slug, SendForm form, [FromServices] CreateAlertSend create, [FromServices] ReadSendProgress progress,
        [FromServices] ReadSendAudience audience, [FromServices] AccountTimeZone zones, [FromServices] NeedToKnow needToKnow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.OnlyCounting || !ModelState.IsValid)
        {
            return await DetailsAsync(slug, form, progress, audience, zones, needToKnow, cancellationToken);
        }

        var result = await create.HandleAsync(slug, form, await zones.ForAsync(User, cancellationToken), cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            foreach (var (key, message) in result.Errors)
            {
                ModelState.AddModelError(key, message);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await DetailsAsync(slug, form, progress, audience, zones, needToKnow, cancellationToken);
        }

        return Redirect($"/admin/alerts/{slug}#send-{result.SendId}");
    }

    /// <summary>Who the form's choices reach, per language, for the send form's script; nothing is saved.</summary>
    [HttpGet("{slug}/audience")]
    public async Task<IActionResult> Audience(string slug, [FromQuery] SendForm form, [FromServices] ReadSendAudience audience,
        [FromServices] Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await audience.HandleAsync(slug, form, cancellationToken) is { } found ? Json(AudienceJson.From(found, localizer), ProgressJson) : NotFound();

    private static readonly System.Text.Json.JsonSerializerOptions ProgressJson = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>What the progress panel's script polls: a read, for staff only, never cached.</summary>
    [HttpGet("sends/{id:guid}/progress")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Progress(Guid id, [FromServices] ReadSendProgress progress, [FromServices] AccountTimeZone zones, CancellationToken cancellationToken) =>
        await progress.HandleAsync(id, await zones.ForAsync(User, cancellationToken), cancellationToken) is { } p ? Json(p, ProgressJson) : NotFound();

    private async Task<IActionResult> DetailsAsync(string slug, SendForm form, ReadSendProgress progress, ReadSendAudience audience,
        AccountTimeZone zones, NeedToKnow needToKnow, CancellationToken cancellationToken)
    {
        var action = await db.UrgentActions.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        if (action is null)
        {
            return NotFound();
        }

        var hidden = false;
        if (await needToKnow.CanSeeUrgentActionAsync(User, action.Id, action.PartnerOrganisationId, cancellationToken))
        {
            await needToKnow.AuditViewAsync(User, AuditRecords.UrgentAction, action.Id, cancellationToken);
        }
        else
        {
            // The entity is not tracked: blanking it here changes only what this page shows.
            hidden = action.ProtectedDetails.Length > 0;
            action.ProtectedDetails = "";
        }

        var counts = await db.ActionsTaken.AsNoTracking().Where(a => a.UrgentActionId == action.Id)
            .GroupBy(a => a.Kind).Select(g => new KindCount(g.Key, g.Count())).ToListAsync(cancellationToken);
        var targets = await db.UrgentActionTargets.AsNoTracking().Where(l => l.UrgentActionId == action.Id)
            .Join(db.Targets, l => l.TargetId, t => t.Id, (l, t) => new TargetCount(t.Id, t.Name, db.ActionsTaken.Count(a => a.UrgentActionId == action.Id && a.TargetId == t.Id)))
            .ToListAsync(cancellationToken);
        var outcomes = await db.AlertOutcomes.AsNoTracking().Where(o => o.UrgentActionId == action.Id).OrderByDescending(o => o.RecordedAt)
            .Select(o => new OutcomeRow(o.Kind, o.Text, o.RecordedAt, db.Targets.Where(t => t.Id == o.TargetId).Select(t => t.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var topics = await db.AlertTopics.AsNoTracking().OrderBy(t => t.Kind).ThenBy(t => t.Name)
            .Select(t => new Subscribing.TopicOption(t.Code, t.Name, t.Kind)).ToListAsync(cancellationToken);
        var zone = await zones.ForAsync(User, cancellationToken);
        var sends = await progress.ForActionAsync(action.Id, zone, cancellationToken);
        var reach = await audience.CountAsync(action.Id, form, cancellationToken);
        return View("Details", new AlertAdminDetails(action, counts, targets, outcomes, sends, topics, form, reach, zone, hidden));
    }

    /// <summary>Sends a send that gave up again, from where it stopped; nobody already sent gets a second copy.</summary>
    [HttpPost("sends/{id:guid}/resume")]
    public async Task<IActionResult> Resume(Guid id, [FromServices] ResumeAlertSend resume, CancellationToken cancellationToken) =>
        await resume.HandleAsync(id, cancellationToken) is { Slug: { } slug } ? Redirect($"/admin/alerts/{slug}#send-{id}") : NotFound();

    /// <summary>The email as a subscriber in that language will see it, with placeholder links.</summary>
    [HttpGet("{slug}/preview/{language}")]
    public async Task<IActionResult> Preview(string slug, string language, AlertKind kind, string? message, [FromServices] ReadAlertContent contents,
        [FromServices] AlertComposer composer, [FromServices] AlertLinks links, CancellationToken cancellationToken)
    {
        var id = await db.UrgentActions.Where(a => a.Slug == slug).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is null || !Infrastructure.Localization.CampaignsLocalization.Cultures.Contains(language) || await contents.HandleAsync(id.Value, language, cancellationToken) is not { } content)
        {
            return NotFound();
        }

        var template = await composer.RenderAsync(content, kind, message ?? "", links.BaseUrl);
        return Content(template.Html.Replace(AlertComposer.GreetingSlot, System.Net.WebUtility.HtmlEncode(template.AnonymousGreeting), StringComparison.Ordinal), "text/html");
    }

    [HttpPost("{slug}/outcomes")]
    public async Task<IActionResult> Outcome(string slug, OutcomeForm form, [FromServices] TimeProvider clock, CancellationToken cancellationToken)
    {
        var id = await db.UrgentActions.Where(a => a.Slug == slug).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            db.AlertOutcomes.Add(new AlertOutcome
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                UrgentActionId = id.Value,
                Kind = form.Kind,
                TargetId = form.TargetId,
                Text = form.Text.Trim(),
                RecordedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        return Redirect($"/admin/alerts/{slug}");
    }

    [HttpPost("suppressions")]
    public async Task<IActionResult> Suppress(string email, [FromServices] SuppressAddress suppress, CancellationToken cancellationToken)
    {
        await suppress.HandleAsync(email ?? "", SuppressionReason.Manual, cancellationToken);
        return Redirect("/admin/alerts");
    }

    [HttpGet("subscribers/import")]
    public IActionResult Import() => View("Import", null);

    /// <summary>Preview first (nothing saved), then the same file again with commit to import.</summary>
    [HttpPost("subscribers/import")]
    [RequestSizeLimit(64 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
    public async Task<IActionResult> ImportPost(IFormFile? file, bool commit, [FromServices] SubscriberCsv csv, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return View("Import", null);
        }

        await using var stream = file.OpenReadStream();
        return View("Import", await csv.ImportAsync(stream, commit, cancellationToken));
    }

    [HttpGet("subscribers/export")]
    public async Task Export([FromServices] SubscriberCsv csv, CancellationToken cancellationToken)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"alert-subscribers.csv\"";
        await csv.ExportAsync(Response.Body, cancellationToken);
    }

    private async Task<UrgentActionEditModel> EditModelAsync(string? slug, UrgentActionForm form, CancellationToken cancellationToken) =>
        new(slug, form, await db.Targets.AsNoTracking().OrderBy(t => t.Name).Select(t => new TargetOption(t.Id, t.Name, t.Institution)).ToListAsync(cancellationToken));
}

public sealed record ActionRow(string Slug, string CaseReference, string Title, ProgrammeStatus Status, DateOnly? Deadline, bool Expired);

public sealed record SubscriberCount(SubscriberStatus Status, string Language, int Count);

public sealed record AlertsAdminIndex(IReadOnlyList<ActionRow> Actions, IReadOnlyList<SubscriberCount> Subscribers);

public sealed record TargetOption(Guid Id, string Name, string Institution);

public sealed record UrgentActionEditModel(string? Slug, UrgentActionForm Form, IReadOnlyList<TargetOption> Targets);

public sealed record KindCount(ActionKind Kind, int Count);

public sealed record TargetCount(Guid Id, string Name, int Count);

public sealed record OutcomeRow(OutcomeKind Kind, string Text, DateTimeOffset RecordedAt, string? Target);

public sealed record AlertAdminDetails(
    UrgentAction Action, IReadOnlyList<KindCount> Counts, IReadOnlyList<TargetCount> Targets, IReadOnlyList<OutcomeRow> Outcomes,
    IReadOnlyList<SendProgress> Sends, IReadOnlyList<Subscribing.TopicOption> Topics, SendForm Form, SendAudience Audience, TimeZoneInfo Zone,
    bool ProtectedHidden = false);
