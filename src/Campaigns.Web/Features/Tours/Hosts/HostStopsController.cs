using Campaigns.Web.Data;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Domain.Tours;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Tours.Hosts;

/// <summary>
/// Volunteers host events: they propose a stop on a live tour (it waits for a coordinator to confirm it) and then
/// edit the details of their own stop, and no other.
/// </summary>
[Authorize(Roles = Roles.Volunteer + "," + Roles.Coordinator + "," + Roles.Admin)]
[Route("tours/{slug}/stops")]
public sealed class HostStopsController(CampaignsDbContext db, IAuthorizationService authorization, UserManager<CampaignsUser> users, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string StopView = "~/Features/Tours/EditStop.cshtml";

    /// <summary>The stops this volunteer hosts, across tours.</summary>
    [HttpGet("/tours/hosting")]
    public async Task<IActionResult> Mine(CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(users.GetUserId(User)!);
        var stops = await db.TourStops.AsNoTracking().Where(s => s.HostUserId == userId)
            .Join(db.Tours, s => s.TourId, t => t.Id, (s, t) => new HostedStopRow(t.Slug, t.Title, s.Slug, s.City, s.StartsAt, s.TimeZoneId, s.Status, s.ConfirmedCount, s.Capacity))
            .ToListAsync(cancellationToken);
        return View("Mine", stops.OrderBy(s => s.StartsAt).ToList());
    }

    [HttpGet("propose")]
    public async Task<IActionResult> Propose(string slug, CancellationToken cancellationToken) =>
        await LiveTourIdAsync(slug, cancellationToken) is null ? NotFound() : View(StopView, new StopEditModel(slug, null, $"/tours/{slug}/stops/propose", new StopForm()));

    [HttpPost("propose")]
    public async Task<IActionResult> Propose(string slug, StopForm form, [FromServices] SaveStop save, CancellationToken cancellationToken)
    {
        var tourId = await LiveTourIdAsync(slug, cancellationToken);
        if (tourId is null)
        {
            return NotFound();
        }

        var model = new StopEditModel(slug, null, $"/tours/{slug}/stops/propose", form);
        if (!ModelState.IsValid)
        {
            return View(StopView, model);
        }

        var userId = Guid.Parse(users.GetUserId(User)!);
        var result = await save.CreateAsync(tourId.Value, form, userId, StopStatus.Proposed, cancellationToken);
        if (!result.Succeeded)
        {
            return Invalid(result, model);
        }

        TempData["Notice"] = localizer["Thank you: your event is proposed. A coordinator will confirm it."].Value;
        return Redirect($"/tours/{slug}/stops/{result.Stop!.Slug}/edit");
    }

    [HttpGet("{stop}/edit")]
    public async Task<IActionResult> Edit(string slug, string stop, CancellationToken cancellationToken)
    {
        var entity = await FindAsync(slug, stop, cancellationToken);
        if (entity is null)
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, entity, EditStopRequirement.Instance)).Succeeded)
        {
            return Forbid();
        }

        return View(StopView, new StopEditModel(slug, stop, $"/tours/{slug}/stops/{stop}/edit", SaveStop.ToForm(entity)));
    }

    [HttpPost("{stop}/edit")]
    public async Task<IActionResult> Edit(string slug, string stop, StopForm form, [FromServices] SaveStop save, CancellationToken cancellationToken)
    {
        var entity = await FindAsync(slug, stop, cancellationToken);
        if (entity is null)
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, entity, EditStopRequirement.Instance)).Succeeded)
        {
            return Forbid();
        }

        var model = new StopEditModel(slug, stop, $"/tours/{slug}/stops/{stop}/edit", form);
        if (!ModelState.IsValid)
        {
            return View(StopView, model);
        }

        var result = await save.UpdateAsync(entity.Id, form, cancellationToken);
        if (!result.Succeeded)
        {
            return Invalid(result, model);
        }

        TempData["Notice"] = localizer["Your event is saved."].Value;
        return Redirect($"/tours/{slug}/stops/{stop}/edit");
    }

    [HttpGet("{stop}/shifts")]
    public async Task<IActionResult> Shifts(string slug, string stop, [FromServices] Shifts shifts, CancellationToken cancellationToken) =>
        await ShiftsViewAsync(slug, stop, new ShiftForm(), shifts, cancellationToken) ?? NotFound();

    [HttpPost("{stop}/shifts")]
    public async Task<IActionResult> AddShift(string slug, string stop, ShiftForm form, [FromServices] Shifts shifts, CancellationToken cancellationToken)
    {
        var entity = await FindAsync(slug, stop, cancellationToken);
        if (entity is null)
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, entity, EditStopRequirement.Instance)).Succeeded)
        {
            return Forbid();
        }

        if (ModelState.IsValid && await shifts.AddAsync(entity, form, cancellationToken) is { } error)
        {
            ModelState.AddModelError("", error);
        }

        if (!ModelState.IsValid)
        {
            return await ShiftsViewAsync(slug, stop, form, shifts, cancellationToken) ?? NotFound();
        }

        return Redirect($"/tours/{slug}/stops/{stop}/shifts");
    }

    [HttpPost("{stop}/shifts/{id:guid}/signup")]
    public async Task<IActionResult> SignUp(string slug, string stop, Guid id, [FromServices] Shifts shifts, CancellationToken cancellationToken)
    {
        var outcome = await shifts.SignUpAsync(id, Guid.Parse(users.GetUserId(User)!), cancellationToken);
        TempData["Notice"] = outcome switch
        {
            SignupOutcome.SignedUp => localizer["Thank you: you are signed up. We will remind you before the shift."].Value,
            SignupOutcome.AlreadySignedUp => localizer["You are already signed up for this shift."].Value,
            SignupOutcome.Full => localizer["This shift is full. Choose another one."].Value,
            _ => null,
        };
        return outcome == SignupOutcome.NotFound ? NotFound() : Redirect($"/tours/{slug}/stops/{stop}/shifts");
    }

    [HttpPost("{stop}/shifts/{id:guid}/withdraw")]
    public async Task<IActionResult> Withdraw(string slug, string stop, Guid id, [FromServices] Shifts shifts, CancellationToken cancellationToken)
    {
        await shifts.WithdrawAsync(id, Guid.Parse(users.GetUserId(User)!), cancellationToken);
        return Redirect($"/tours/{slug}/stops/{stop}/shifts");
    }

    private async Task<IActionResult?> ShiftsViewAsync(string slug, string stop, ShiftForm form, Shifts shifts, CancellationToken cancellationToken)
    {
        var entity = await FindAsync(slug, stop, cancellationToken);
        if (entity is null)
        {
            return null;
        }

        // The host and coordinators see who is coming; other volunteers see only how many.
        var canManage = (await authorization.AuthorizeAsync(User, entity, EditStopRequirement.Instance)).Succeeded;
        var userId = Guid.Parse(users.GetUserId(User)!);
        var rows = await shifts.ListAsync(entity.Id, userId, canManage, cancellationToken);
        return View("Shifts", new ShiftsView(slug, stop, entity.City, entity.TimeZoneId, canManage, rows, form));
    }

    private ViewResult Invalid(SaveStopResult result, StopEditModel model)
    {
        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        return View(StopView, model);
    }

    private Task<Guid?> LiveTourIdAsync(string slug, CancellationToken cancellationToken) =>
        db.Tours.Where(t => t.Slug == slug && t.Status == ProgrammeStatus.Live).Select(t => (Guid?)t.Id).SingleOrDefaultAsync(cancellationToken);

    private Task<TourStop?> FindAsync(string slug, string stop, CancellationToken cancellationToken) =>
        db.TourStops.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == stop && db.Tours.Any(t => t.Id == s.TourId && t.Slug == slug), cancellationToken);
}

public sealed record HostedStopRow(string TourSlug, string TourTitle, string StopSlug, string City, DateTimeOffset StartsAt, string TimeZoneId, StopStatus Status, int ConfirmedCount, int Capacity);
