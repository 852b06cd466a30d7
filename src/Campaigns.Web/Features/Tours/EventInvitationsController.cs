using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Tours;

public sealed class EventInvitationForm
{
    public bool OptIn { get; set; }

    [StringLength(100)]
    [Display(Name = "City")]
    public string? City { get; set; }

    [RegularExpression("^[A-Za-z]{2}$", ErrorMessage = "Use the two-letter country code, such as HN or CO.")]
    [Display(Name = "Country")]
    public string? CountryCode { get; set; }

    [StringLength(100)]
    [Display(Name = "Region")]
    public string? Region { get; set; }
}

/// <summary>A signed-in supporter says yes (or no again) to invitations to tour events in their city or region.</summary>
[Route("tours/invitations")]
public sealed class EventInvitationsController(
    CampaignsDbContext db, UserManager<CampaignsUser> users, TimeProvider clock, TourLinks links, IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary>The page behind the List-Unsubscribe link: a GET only asks, so link scanners stop nothing.</summary>
    [AllowAnonymous]
    [HttpGet("stop/{token}")]
    public IActionResult Stop(string token) =>
        links.ReadStopInvitationsToken(token) is null ? View("CancelInvalid") : View("StopInvitations", new StopInvitationsView(token, Done: false));

    /// <summary>
    /// RFC 8058 one-click unsubscribe: mail clients POST here with no cookie and no antiforgery token, so the signed
    /// token is the only proof, as it is for the confirmation page that posts here too.
    /// </summary>
    [AllowAnonymous]
    [HttpPost("stop/{token}")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> StopPost(string token, CancellationToken cancellationToken)
    {
        if (links.ReadStopInvitationsToken(token) is not { } userId)
        {
            return View("CancelInvalid");
        }

        // Deleting nothing the second time is the same answer: the person is not invited any more.
        await db.EventInvitationPreferences.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return View("StopInvitations", new StopInvitationsView(token, Done: true));
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(users.GetUserId(User)!);
        var form = await db.EventInvitationPreferences.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new EventInvitationForm { OptIn = true, City = p.City, CountryCode = p.CountryCode, Region = p.Region })
            .SingleOrDefaultAsync(cancellationToken) ?? new EventInvitationForm();
        return View("Invitations", form);
    }

    [HttpPost("")]
    [EnableRateLimiting(RateLimits.PublicForm)]
    public async Task<IActionResult> Save(EventInvitationForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.OptIn && (string.IsNullOrWhiteSpace(form.City) || string.IsNullOrWhiteSpace(form.CountryCode)))
        {
            ModelState.AddModelError("", localizer["Enter your city and country so we know which events are near you."]);
        }

        if (!ModelState.IsValid)
        {
            return View("Invitations", form);
        }

        var userId = Guid.Parse(users.GetUserId(User)!);
        var existing = await db.EventInvitationPreferences.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (!form.OptIn)
        {
            if (existing is not null)
            {
                db.EventInvitationPreferences.Remove(existing);
            }
        }
        else
        {
            if (existing is null)
            {
                existing = new EventInvitationPreference { UserId = userId, City = "", CountryCode = "" };
                db.EventInvitationPreferences.Add(existing);
            }

            existing.City = form.City!.Trim();
            existing.CountryCode = form.CountryCode!.ToUpperInvariant();
            existing.Region = form.Region?.Trim() ?? "";
            existing.Culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            existing.UpdatedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = localizer["Your choice is saved."].Value;
        return Redirect("/tours/invitations");
    }
}

public sealed record StopInvitationsView(string Token, bool Done);
