using Campaigns.Web.Features.Home;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Web.Features.Assistance;

/// <summary>Public pages of this programme; its own issue extends them.</summary>
[AllowAnonymous]
public sealed class AssistanceController(ListLiveProgrammes programmes) : Controller
{
    [HttpGet("/assistance")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", await programmes.AssistanceRequestsAsync(null, cancellationToken));

    [HttpGet("/assistance/{slug:regex(^[[a-z0-9-]]+$)}")]
    public async Task<IActionResult> Details(string slug, CancellationToken cancellationToken) =>
        (await programmes.AssistanceRequestsAsync(slug, cancellationToken)).SingleOrDefault() is { } card ? View("Details", card) : NotFound();
}
