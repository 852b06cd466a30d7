using Campaigns.Web.Features.Home;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Web.Features.Alerts;

/// <summary>Public pages of this programme; its own issue extends them.</summary>
[AllowAnonymous]
public sealed class AlertsController(ListLiveProgrammes programmes) : Controller
{
    [HttpGet("/alerts")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", await programmes.UrgentActionsAsync(null, cancellationToken));

    [HttpGet("/alerts/{slug:regex(^[[a-z0-9-]]+$)}")]
    public async Task<IActionResult> Details(string slug, CancellationToken cancellationToken) =>
        (await programmes.UrgentActionsAsync(slug, cancellationToken)).SingleOrDefault() is { } card ? View("Details", card) : NotFound();
}
