using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Delegations;

/// <summary>
/// Open rosters for signed-in people only (the fallback policy): where and when a delegation goes can put the
/// people it accompanies at risk, so there is no anonymous page.
/// </summary>
[Route("delegations")]
public sealed class DelegationsController(ReadRosters read, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await read.ListAsync(openOnly: true, cancellationToken));

    [HttpGet("{slug}")]
    public async Task<IActionResult> Details(string slug, CancellationToken cancellationToken)
    {
        var roster = await read.FindAsync(slug, NeedToKnow.UserId(User), staff: false, cancellationToken);
        return roster is null ? NotFound() : View(roster);
    }

    [HttpPost("{slug}/apply")]
    public async Task<IActionResult> Apply(string slug, Guid roleId, [FromServices] RosterApplications applications, CancellationToken cancellationToken)
    {
        var outcome = await applications.ApplyAsync(slug, roleId, NeedToKnow.UserId(User)!.Value, cancellationToken);
        if (outcome == ApplyOutcome.NotFound)
        {
            return NotFound();
        }

        TempData["Notice"] = outcome switch
        {
            ApplyOutcome.Applied => localizer["Thank you. A coordinator will review your application."].Value,
            ApplyOutcome.AlreadyApplied => localizer["You have already applied to this delegation."].Value,
            ApplyOutcome.Full => localizer["This role is full."].Value,
            _ => localizer["This delegation is no longer taking applications."].Value,
        };
        return Redirect($"/delegations/{slug}");
    }

    [HttpPost("{slug}/withdraw")]
    public async Task<IActionResult> Withdraw(string slug, [FromServices] RosterApplications applications, CancellationToken cancellationToken)
    {
        await applications.WithdrawAsync(slug, NeedToKnow.UserId(User)!.Value, cancellationToken);
        TempData["Notice"] = localizer["You have withdrawn your application."].Value;
        return Redirect($"/delegations/{slug}");
    }

    /// <summary>Opening the emailed link only shows the button: mail scanners follow links, and a GET changes nothing. Nothing about the roster is shown.</summary>
    [AllowAnonymous]
    [HttpGet("check-in/{token}")]
    public IActionResult CheckIn(string token, [FromServices] RosterCheckInLinks links) =>
        links.Read(token) is null ? View("CheckInExpired") : View("CheckIn", token);

    [AllowAnonymous]
    [HttpPost("check-in/{token}")]
    public async Task<IActionResult> ConfirmCheckIn(string token, [FromServices] ConfirmRosterCheckIn confirm, CancellationToken cancellationToken) =>
        await confirm.HandleAsync(token, cancellationToken) ? View("CheckInDone") : View("CheckInExpired");
}
