using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Features.Assistance.CheckIns;
using Campaigns.Web.Features.Home;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Assistance;

/// <summary>Public pages: open requests with their public parts only (no safety notes, no partner contacts).</summary>
public sealed class AssistanceController(ListLiveProgrammes programmes, ReadAssistance read, IStringLocalizer<SharedResource> T) : Controller
{
    [AllowAnonymous]
    [HttpGet("/assistance")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", await programmes.AssistanceRequestsAsync(null, cancellationToken));

    [AllowAnonymous]
    [HttpGet("/assistance/{slug:regex(^[[a-z0-9-]]+$)}")]
    public async Task<IActionResult> Details(string slug, CancellationToken cancellationToken) =>
        await read.RequestAsync(slug, publicOnly: true, cancellationToken) is { } request ? View("Details", request) : NotFound();

    [Authorize(Roles = Roles.Volunteer)]
    [HttpPost("/assistance/{slug:regex(^[[a-z0-9-]]+$)}/offer")]
    public async Task<IActionResult> Offer(string slug, [FromServices] OfferAssistance offer, CancellationToken cancellationToken)
    {
        var errors = await offer.OfferAsync(slug, PartnerAccess.UserId(User), cancellationToken);
        TempData["Notice"] = errors.Count == 0 ? T["Thank you: the partner will see your offer."].Value : string.Join(" ", errors.Select(e => T[e].Value));
        return Redirect($"/assistance/{slug}");
    }

    /// <summary>Opening the emailed link only shows the button: mail scanners follow links, and a GET changes nothing.</summary>
    [AllowAnonymous]
    [HttpGet("/assistance/check-in/{token}")]
    public IActionResult CheckIn(string token, [FromServices] CheckInLinks links) =>
        links.Read(token) is null ? View("CheckInExpired") : View("CheckIn", token);

    [AllowAnonymous]
    [HttpPost("/assistance/check-in/{token}")]
    public async Task<IActionResult> ConfirmCheckIn(string token, [FromServices] ConfirmCheckIn confirm, CancellationToken cancellationToken) =>
        await confirm.HandleAsync(token, cancellationToken) ? View("CheckInDone") : View("CheckInExpired");
}
