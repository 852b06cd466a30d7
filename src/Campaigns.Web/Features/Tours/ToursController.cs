using Campaigns.Web.Data;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Features.Home;
using Campaigns.Web.Features.Library;
using Campaigns.Web.Features.Tours.Calendar;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Tours;

/// <summary>The public side of tours: upcoming tours, one tour's route, each event with its RSVP, calendar feeds.</summary>
[AllowAnonymous]
public sealed class ToursController(ReadTourPlan plans, SearchLibrary library, TourLinks links, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string SlugPattern = "regex(^[[a-z0-9-]]+$)";

    [HttpGet("/tours")]
    public async Task<IActionResult> Index([FromServices] ListLiveProgrammes programmes, CancellationToken cancellationToken) =>
        View("Index", await programmes.ToursAsync(null, cancellationToken));

    [HttpGet("/tours/{slug:" + SlugPattern + "}")]
    public async Task<IActionResult> Details(string slug, string? via, CancellationToken cancellationToken)
    {
        var plan = await plans.HandleAsync(slug, publicOnly: true, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        ViewData["Library"] = await library.ForTourAsync(plan.Id, cancellationToken);
        ViewData["Via"] = ShareVia(via);
        return View("Details", plan);
    }

    [HttpGet("/tours/{slug:" + SlugPattern + "}.ics")]
    public async Task<IActionResult> TourCalendar(string slug, CancellationToken cancellationToken)
    {
        var plan = await plans.HandleAsync(slug, publicOnly: true, cancellationToken);
        return plan is null ? NotFound() : Ics(plan.Title, plan.Stops.Select(s => ToIcs(plan, s)), slug);
    }

    [HttpGet("/tours/{slug:" + SlugPattern + "}/events/{stop:" + SlugPattern + "}")]
    public async Task<IActionResult> Event(string slug, string stop, string? via, CancellationToken cancellationToken) =>
        await EventViewAsync(slug, stop, new RsvpForm { Via = ShareVia(via) }, cancellationToken) ?? NotFound();

    [HttpGet("/tours/{slug:" + SlugPattern + "}/events/{stop:" + SlugPattern + "}.ics")]
    public async Task<IActionResult> EventCalendar(string slug, string stop, CancellationToken cancellationToken)
    {
        var plan = await plans.HandleAsync(slug, publicOnly: true, cancellationToken);
        var row = plan?.Stops.SingleOrDefault(s => s.Slug == stop);
        return plan is null || row is null ? NotFound() : Ics($"{plan.Title}: {row.City}", [ToIcs(plan, row)], $"{slug}-{stop}");
    }

    [HttpPost("/tours/{slug:" + SlugPattern + "}/events/{stop:" + SlugPattern + "}/rsvp")]
    [EnableRateLimiting(RateLimits.PublicForm)]
    public async Task<IActionResult> Rsvp(string slug, string stop, RsvpForm form, [FromServices] PlaceRsvp place, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await EventViewAsync(slug, stop, form, cancellationToken) ?? NotFound();
        }

        switch (await place.HandleAsync(slug, stop, form, cancellationToken))
        {
            case RsvpOutcome.NotFound:
                return NotFound();
            case RsvpOutcome.Confirmed:
                TempData["Notice"] = localizer["Your place is booked. We sent a confirmation to {0}.", form.Email].Value;
                break;
            case RsvpOutcome.Waitlisted:
                TempData["Notice"] = localizer["The event is full, so you are on the waitlist. We will email {0} if a place opens up.", form.Email].Value;
                break;
            case RsvpOutcome.AlreadyRegistered:
                ModelState.AddModelError("", localizer["{0} has already replied for this event. Use the link in the confirmation email to cancel.", form.Email]);
                return await EventViewAsync(slug, stop, form, cancellationToken) ?? NotFound();
            default:
                ModelState.AddModelError("", localizer["This event is not taking replies: it is cancelled, over or not yet confirmed."]);
                return await EventViewAsync(slug, stop, form, cancellationToken) ?? NotFound();
        }

        return Redirect($"/tours/{slug}/events/{stop}");
    }

    [HttpGet("/tours/{slug:" + SlugPattern + "}/events/{stop:" + SlugPattern + "}/rsvp/cancel")]
    public async Task<IActionResult> ConfirmCancel(string slug, string stop, string? token, [FromServices] CampaignsDbContext db, CancellationToken cancellationToken)
    {
        var id = links.ReadCancelToken(token);
        var rsvp = id is null ? null : await db.Rsvps.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new CancelRsvpView(slug, stop, token!, r.Name, r.Status == RsvpStatus.Cancelled))
            .SingleOrDefaultAsync(cancellationToken);
        return rsvp is null ? View("CancelInvalid") : View("Cancel", rsvp);
    }

    [HttpPost("/tours/{slug:" + SlugPattern + "}/events/{stop:" + SlugPattern + "}/rsvp/cancel")]
    public async Task<IActionResult> Cancel(string slug, string stop, string? token, [FromServices] CancelRsvp cancel, CancellationToken cancellationToken)
    {
        if (links.ReadCancelToken(token) is not { } id)
        {
            return View("CancelInvalid");
        }

        await cancel.HandleAsync(id, cancellationToken);
        TempData["Notice"] = localizer["Your place is cancelled. Thank you for letting us know."].Value;
        return Redirect($"/tours/{slug}/events/{stop}");
    }

    private async Task<IActionResult?> EventViewAsync(string slug, string stop, RsvpForm form, CancellationToken cancellationToken)
    {
        var plan = await plans.HandleAsync(slug, publicOnly: true, cancellationToken);
        var row = plan?.Stops.SingleOrDefault(s => s.Slug == stop);
        if (plan is null || row is null)
        {
            return null;
        }

        var open = row.Status == StopStatus.Confirmed && row.StartsAt > clock.GetUtcNow();
        ViewData["Library"] = await library.ForTourAsync(plan.Id, cancellationToken);
        return View("Event", new EventView(plan, row, form, open));
    }

    /// <summary>A co-sponsor's share link carries "?via=" its slug; anything else is dropped here and ignored later.</summary>
    private static string? ShareVia(string? via) => via is { Length: > 0 and <= 80 } ? via : null;

    private FileContentResult Ics(string name, IEnumerable<IcsEvent> events, string fileName) =>
        File(System.Text.Encoding.UTF8.GetBytes(IcsWriter.Write(name, events, clock.GetUtcNow())), "text/calendar; charset=utf-8", fileName + ".ics");

    private IcsEvent ToIcs(TourPlanView plan, StopRow stop) => new(
        $"{stop.Id:N}@campaigns-tours",
        stop.StartsAt,
        stop.EndsAt,
        $"{plan.Title}: {stop.City}",
        string.Join(", ", plan.Speakers.Select(s => s.DisplayName)) + (stop.Interpretation.Length > 0 ? $" ({stop.Interpretation})" : ""),
        $"{stop.VenueName}, {stop.VenueAddress}, {stop.City}",
        links.Event(plan.Slug, stop.Slug),
        stop.Status == StopStatus.Cancelled ? "CANCELLED" : "CONFIRMED");
}

public sealed record EventView(TourPlanView Tour, StopRow Stop, RsvpForm Form, bool Open);

public sealed record CancelRsvpView(string TourSlug, string StopSlug, string Token, string Name, bool AlreadyCancelled);
