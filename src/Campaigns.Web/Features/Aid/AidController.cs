using Campaigns.Web.Features.Home;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Web.Features.Aid;

/// <summary>Public pages of this programme; its own issue extends them.</summary>
[AllowAnonymous]
public sealed class AidController(ListLiveProgrammes programmes) : Controller
{
    [HttpGet("/aid")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", await programmes.AidDrivesAsync(null, cancellationToken));

    [HttpGet("/aid/{slug:regex(^[[a-z0-9-]]+$)}")]
    public async Task<IActionResult> Details(string slug, CancellationToken cancellationToken) =>
        (await programmes.AidDrivesAsync(slug, cancellationToken)).SingleOrDefault() is { } card ? View("Details", card) : NotFound();
}
