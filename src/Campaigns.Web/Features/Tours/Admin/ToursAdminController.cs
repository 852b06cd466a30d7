using Campaigns.Web.Data;
using Campaigns.Web.Domain.Security;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Tours.Admin;

/// <summary>Coordinators plan tours: speakers, tours, stops, their status, attendance and reminders.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("admin/tours")]
public sealed class ToursAdminController(CampaignsDbContext db, ReadTourPlan plans, SpeakerSecrets secrets, NeedToKnow needToKnow, IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new ToursAdminIndex(
            await db.Tours.AsNoTracking().OrderByDescending(t => t.StartsOn).Select(t => new TourListRow(t.Slug, t.Title, t.StartsOn, t.EndsOn, t.Status, t.Stops.Count)).ToListAsync(cancellationToken),
            await db.Speakers.AsNoTracking().OrderBy(s => s.DisplayName).Select(s => new SpeakerListRow(s.Slug, s.DisplayName, s.Languages)).ToListAsync(cancellationToken)));

    [HttpGet("speakers/new")]
    public async Task<IActionResult> NewSpeaker(CancellationToken cancellationToken) => View("EditSpeaker", await SpeakerModelAsync(null, new SpeakerForm(), cancellationToken));

    [HttpPost("speakers/new")]
    public Task<IActionResult> CreateSpeaker(SpeakerForm form, [FromServices] SaveSpeaker save, CancellationToken cancellationToken) =>
        SaveSpeakerAsync(null, form, save, cancellationToken);

    [HttpGet("speakers/{slug}")]
    public async Task<IActionResult> EditSpeaker(string slug, CancellationToken cancellationToken)
    {
        var form = await db.Speakers.AsNoTracking().Where(s => s.Slug == slug).Select(s => new SpeakerForm
        {
            DisplayName = s.DisplayName,
            PartnerSlug = db.Partners.Where(p => p.Id == s.PartnerOrganisationId).Select(p => p.Slug).FirstOrDefault(),
            Languages = s.Languages,
            Topics = s.Topics,
            Bio = s.Bio,
            PhotoUrl = s.PhotoUrl,
            ContactEmail = s.ContactEmail,
            ContactPhone = s.ContactPhone,
            TravelDocuments = s.TravelDocuments,
        }).SingleOrDefaultAsync(cancellationToken);
        if (form is null)
        {
            return NotFound();
        }

        var speaker = await db.Speakers.Where(s => s.Slug == slug).Select(s => new { s.Id, s.PartnerOrganisationId }).SingleAsync(cancellationToken);
        if (await needToKnow.CanSeePartnerAsync(User, speaker.PartnerOrganisationId, cancellationToken))
        {
            await needToKnow.AuditAsync(User, AuditActions.Edit, AuditRecords.Speaker, speaker.Id, null, cancellationToken);
            form.ContactEmail = secrets.Unprotect(form.ContactEmail);
            form.ContactPhone = secrets.Unprotect(form.ContactPhone);
            form.TravelDocuments = secrets.Unprotect(form.TravelDocuments);
        }
        else
        {
            (form.ContactEmail, form.ContactPhone, form.TravelDocuments, form.KeepProtected) = (null, null, null, true);
        }

        return View(await SpeakerModelAsync(slug, form, cancellationToken));
    }

    [HttpPost("speakers/{slug}")]
    public Task<IActionResult> UpdateSpeaker(string slug, SpeakerForm form, [FromServices] SaveSpeaker save, CancellationToken cancellationToken) =>
        SaveSpeakerAsync(slug, form, save, cancellationToken);

    [HttpGet("new")]
    public async Task<IActionResult> NewTour(CancellationToken cancellationToken) => View("EditTour", await TourModelAsync(null, new TourForm(), cancellationToken));

    [HttpPost("new")]
    public Task<IActionResult> CreateTour(TourForm form, [FromServices] SaveTour save, CancellationToken cancellationToken) =>
        SaveTourAsync(null, form, save, cancellationToken);

    [HttpGet("{slug}/edit")]
    public async Task<IActionResult> EditTour(string slug, CancellationToken cancellationToken)
    {
        var form = await db.Tours.AsNoTracking().Where(t => t.Slug == slug).Select(t => new TourForm
        {
            Title = t.Title,
            Summary = t.Summary,
            PartnerSlug = db.Partners.Where(p => p.Id == t.PartnerOrganisationId).Select(p => p.Slug).First(),
            StartsOn = t.StartsOn,
            EndsOn = t.EndsOn,
            Status = t.Status,
            BudgetCurrency = t.BudgetCurrency,
            SpeakerIds = t.Speakers.Select(s => s.Id).ToList(),
        }).SingleOrDefaultAsync(cancellationToken);
        return form is null ? NotFound() : View(await TourModelAsync(slug, form, cancellationToken));
    }

    [HttpPost("{slug}/edit")]
    public Task<IActionResult> UpdateTour(string slug, TourForm form, [FromServices] SaveTour save, CancellationToken cancellationToken) =>
        SaveTourAsync(slug, form, save, cancellationToken);

    [HttpGet("{slug}")]
    public async Task<IActionResult> Plan(string slug, CancellationToken cancellationToken) =>
        await plans.HandleAsync(slug, publicOnly: false, cancellationToken) is { } plan ? View(plan) : NotFound();

    [HttpGet("{slug}/stops/new")]
    public async Task<IActionResult> NewStop(string slug, CancellationToken cancellationToken) =>
        await db.Tours.AnyAsync(t => t.Slug == slug, cancellationToken)
            ? View("~/Features/Tours/EditStop.cshtml", new StopEditModel(slug, null, $"/admin/tours/{slug}/stops/new", new StopForm()))
            : NotFound();

    [HttpPost("{slug}/stops/new")]
    public async Task<IActionResult> CreateStop(string slug, StopForm form, [FromServices] SaveStop save, CancellationToken cancellationToken)
    {
        var tourId = await db.Tours.Where(t => t.Slug == slug).Select(t => (Guid?)t.Id).SingleOrDefaultAsync(cancellationToken);
        if (tourId is null)
        {
            return NotFound();
        }

        var model = new StopEditModel(slug, null, $"/admin/tours/{slug}/stops/new", form);
        if (!ModelState.IsValid)
        {
            return View("~/Features/Tours/EditStop.cshtml", model);
        }

        var result = await save.CreateAsync(tourId.Value, form, null, StopStatus.Proposed, cancellationToken);
        return AfterSave(slug, result, model);
    }

    [HttpGet("{slug}/stops/{stop}")]
    public async Task<IActionResult> EditStop(string slug, string stop, CancellationToken cancellationToken)
    {
        var entity = await FindStopAsync(slug, stop, cancellationToken);
        return entity is null
            ? NotFound()
            : View("~/Features/Tours/EditStop.cshtml", new StopEditModel(slug, stop, $"/admin/tours/{slug}/stops/{stop}", SaveStop.ToForm(entity)));
    }

    [HttpPost("{slug}/stops/{stop}")]
    public async Task<IActionResult> UpdateStop(string slug, string stop, StopForm form, [FromServices] SaveStop save, CancellationToken cancellationToken)
    {
        var entity = await FindStopAsync(slug, stop, cancellationToken);
        if (entity is null)
        {
            return NotFound();
        }

        var model = new StopEditModel(slug, stop, $"/admin/tours/{slug}/stops/{stop}", form);
        if (!ModelState.IsValid)
        {
            return View("~/Features/Tours/EditStop.cshtml", model);
        }

        return AfterSave(slug, await save.UpdateAsync(entity.Id, form, cancellationToken), model);
    }

    [HttpPost("{slug}/stops/{stop}/confirm")]
    public async Task<IActionResult> ConfirmStop(string slug, string stop, [FromServices] ChangeStopStatus change, CancellationToken cancellationToken)
    {
        var entity = await FindStopAsync(slug, stop, cancellationToken);
        if (entity is null)
        {
            return NotFound();
        }

        if (await change.ConfirmAsync(entity.Id, cancellationToken))
        {
            TempData["Notice"] = localizer["The event in {0} is confirmed and open for replies.", entity.City].Value;
        }

        return Redirect($"/admin/tours/{slug}");
    }

    [HttpPost("{slug}/stops/{stop}/cancel")]
    public async Task<IActionResult> CancelStop(string slug, string stop, [FromServices] ChangeStopStatus change, CancellationToken cancellationToken)
    {
        var entity = await FindStopAsync(slug, stop, cancellationToken);
        if (entity is null)
        {
            return NotFound();
        }

        if (await change.CancelAsync(entity.Id, cancellationToken) is { } written)
        {
            TempData["Notice"] = localizer["The event in {0} is cancelled; {1} people who replied will get an email.", entity.City, written].Value;
        }

        return Redirect($"/admin/tours/{slug}");
    }

    [HttpGet("{slug}/stops/{stop}/attendance")]
    public async Task<IActionResult> Attendance(string slug, string stop, CancellationToken cancellationToken)
    {
        var entity = await FindStopAsync(slug, stop, cancellationToken);
        if (entity is null)
        {
            return NotFound();
        }

        var rows = await db.Rsvps.AsNoTracking().Where(r => r.StopId == entity.Id && r.Status != RsvpStatus.Cancelled)
            .OrderBy(r => r.Status).ThenBy(r => r.CreatedAt)
            .Select(r => new AttendanceRow(r.Id, r.Name, r.Email, r.Needs, r.Status, r.Attended))
            .ToListAsync(cancellationToken);
        return View(new AttendanceView(slug, stop, entity.City, rows));
    }

    [HttpPost("{slug}/stops/{stop}/attendance")]
    public async Task<IActionResult> RecordAttendance(string slug, string stop, List<Guid> attended, [FromServices] RecordAttendance record, CancellationToken cancellationToken)
    {
        var entity = await FindStopAsync(slug, stop, cancellationToken);
        if (entity is null)
        {
            return NotFound();
        }

        await record.HandleAsync(entity.Id, attended ?? [], cancellationToken);
        TempData["Notice"] = localizer["Attendance saved."].Value;
        return Redirect($"/admin/tours/{slug}/stops/{stop}/attendance");
    }

    [HttpGet("{slug}/reminders")]
    public async Task<IActionResult> Reminders(string slug, CancellationToken cancellationToken)
    {
        var tourId = await db.Tours.Where(t => t.Slug == slug).Select(t => (Guid?)t.Id).SingleOrDefaultAsync(cancellationToken);
        if (tourId is null)
        {
            return NotFound();
        }

        var rules = await db.ReminderRules.AsNoTracking().Where(r => r.ScopeId == tourId).OrderBy(r => r.OffsetMinutes).ToListAsync(cancellationToken);
        return View(new RemindersView(slug, rules.Select(r => new ReminderRuleRow(r.Id, r.Kind, SaveReminderRule.ToForm(r))).ToList()));
    }

    [HttpPost("{slug}/reminders/{id:guid}")]
    public async Task<IActionResult> SaveReminder(string slug, Guid id, ReminderRuleForm form, [FromServices] SaveReminderRule save, CancellationToken cancellationToken)
    {
        var tourId = await db.Tours.Where(t => t.Slug == slug).Select(t => (Guid?)t.Id).SingleOrDefaultAsync(cancellationToken);
        if (tourId is null || !ModelState.IsValid || !await save.HandleAsync(tourId.Value, id, form, cancellationToken))
        {
            TempData["Notice"] = localizer["The reminder was not saved: check the numbers."].Value;
        }
        else
        {
            TempData["Notice"] = localizer["Reminder saved."].Value;
        }

        return Redirect($"/admin/tours/{slug}/reminders");
    }

    [HttpGet("{slug}/speakers/{speaker}/letter")]
    public async Task<IActionResult> InvitationLetter(string slug, string speaker, CancellationToken cancellationToken)
    {
        var plan = await plans.HandleAsync(slug, publicOnly: false, cancellationToken);
        var found = await db.Speakers.AsNoTracking().Where(s => s.Slug == speaker && s.Tours.Any(t => t.Slug == slug))
            .Select(s => new { s.Id, s.PartnerOrganisationId }).SingleOrDefaultAsync(cancellationToken);
        if (plan is null || found is null)
        {
            return NotFound();
        }

        var person = await db.Speakers.AsNoTracking().Where(s => s.Id == found.Id)
            .Select(s => new LetterSpeaker(s.DisplayName, s.TravelDocuments, db.Partners.Where(p => p.Id == s.PartnerOrganisationId).Select(p => p.Name).FirstOrDefault()))
            .SingleAsync(cancellationToken);
        if (!await needToKnow.CanSeePartnerAsync(User, found.PartnerOrganisationId, cancellationToken))
        {
            return View(new InvitationLetterView(plan, person with { TravelDocuments = string.IsNullOrEmpty(person.TravelDocuments) ? null : localizer["Protected — ask an admin for access."].Value }));
        }

        await needToKnow.AuditViewAsync(User, AuditRecords.Speaker, found.Id, cancellationToken);
        return View(new InvitationLetterView(plan, person with { TravelDocuments = secrets.Unprotect(person.TravelDocuments) }));
    }

    private async Task<TourStop?> FindStopAsync(string slug, string stop, CancellationToken cancellationToken) =>
        await db.TourStops.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Slug == stop && db.Tours.Any(t => t.Id == s.TourId && t.Slug == slug), cancellationToken);

    private IActionResult AfterSave(string slug, SaveStopResult result, StopEditModel model)
    {
        if (result.Stop is null && result.Errors.Count == 0)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field, message);
            }

            return View("~/Features/Tours/EditStop.cshtml", model);
        }

        return Redirect($"/admin/tours/{slug}");
    }

    private async Task<IActionResult> SaveSpeakerAsync(string? slug, SpeakerForm form, SaveSpeaker save, CancellationToken cancellationToken)
    {
        if (slug is not null && await db.Speakers.Where(s => s.Slug == slug).Select(s => new { s.PartnerOrganisationId }).SingleOrDefaultAsync(cancellationToken) is { } current)
        {
            // Without need-to-know the form had no protected fields: keep what is stored rather than blank it.
            form.KeepProtected = !await needToKnow.CanSeePartnerAsync(User, current.PartnerOrganisationId, cancellationToken);

            // Moving the speaker to a partner one knows would open its contacts: it needs need-to-know on both.
            var move = new PartnerChange(current.PartnerOrganisationId, await save.PartnerIdAsync(form, cancellationToken));
            if (!(await authorization.AuthorizeAsync(User, move, Policies.ChangePartner)).Succeeded)
            {
                ModelState.AddModelError(nameof(form.PartnerSlug), localizer["Only someone with access to both partners can move this speaker to another partner."]);
            }
        }

        if (!ModelState.IsValid)
        {
            return View("EditSpeaker", await SpeakerModelAsync(slug, form, cancellationToken));
        }

        var saved = await save.SaveAsync(slug, form, User, cancellationToken);
        return saved.Length == 0 ? NotFound() : Redirect("/admin/tours");
    }

    private async Task<IActionResult> SaveTourAsync(string? slug, TourForm form, SaveTour save, CancellationToken cancellationToken)
    {
        if (form.StartsOn is { } start && form.EndsOn is { } end && end < start)
        {
            ModelState.AddModelError(nameof(form.EndsOn), localizer["The last day cannot be before the first."]);
        }

        if (!ModelState.IsValid)
        {
            return View("EditTour", await TourModelAsync(slug, form, cancellationToken));
        }

        var saved = await save.SaveAsync(slug, form, cancellationToken);
        return saved is null ? NotFound() : Redirect($"/admin/tours/{saved}");
    }

    private async Task<SpeakerEditModel> SpeakerModelAsync(string? slug, SpeakerForm form, CancellationToken cancellationToken) =>
        new(slug, form, await PartnerOptionsAsync(cancellationToken));

    private async Task<TourEditModel> TourModelAsync(string? slug, TourForm form, CancellationToken cancellationToken) =>
        new(slug, form, await PartnerOptionsAsync(cancellationToken),
            await db.Speakers.AsNoTracking().OrderBy(s => s.DisplayName).Select(s => new KeyValuePair<Guid, string>(s.Id, s.DisplayName)).ToListAsync(cancellationToken));

    private Task<List<KeyValuePair<string, string>>> PartnerOptionsAsync(CancellationToken cancellationToken) =>
        db.Partners.AsNoTracking().OrderBy(p => p.Name).Select(p => new KeyValuePair<string, string>(p.Slug, p.Name)).ToListAsync(cancellationToken);
}

public sealed record ToursAdminIndex(IReadOnlyList<TourListRow> Tours, IReadOnlyList<SpeakerListRow> Speakers);

public sealed record TourListRow(string Slug, string Title, DateOnly StartsOn, DateOnly EndsOn, Domain.Programmes.ProgrammeStatus Status, int Stops);

public sealed record SpeakerListRow(string Slug, string DisplayName, string Languages);

public sealed record SpeakerEditModel(string? Slug, SpeakerForm Form, IReadOnlyList<KeyValuePair<string, string>> Partners);

public sealed record TourEditModel(string? Slug, TourForm Form, IReadOnlyList<KeyValuePair<string, string>> Partners, IReadOnlyList<KeyValuePair<Guid, string>> Speakers);

public sealed record AttendanceRow(Guid Id, string Name, string Email, string? Needs, RsvpStatus Status, bool? Attended);

public sealed record AttendanceView(string TourSlug, string StopSlug, string City, IReadOnlyList<AttendanceRow> Rows);

public sealed record ReminderRuleRow(Guid Id, string Kind, ReminderRuleForm Form);

public sealed record RemindersView(string TourSlug, IReadOnlyList<ReminderRuleRow> Rules);

public sealed record LetterSpeaker(string DisplayName, string? TravelDocuments, string? PartnerName);

public sealed record InvitationLetterView(TourPlanView Tour, LetterSpeaker Speaker);
