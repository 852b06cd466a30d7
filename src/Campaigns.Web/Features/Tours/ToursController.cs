using Campaigns.Web.Features.Home;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Web.Features.Tours;

/// <summary>Public pages of this programme; its own issue extends them.</summary>
[AllowAnonymous]
public sealed class ToursController(ListLiveProgrammes programmes) : Controller
{
    [HttpGet("/tours")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", await programmes.ToursAsync(null, cancellationToken));

    [HttpGet("/tours/{slug:regex(^[[a-z0-9-]]+$)}")]
    public async Task<IActionResult> Details(string slug, CancellationToken cancellationToken) =>
        (await programmes.ToursAsync(slug, cancellationToken)).SingleOrDefault() is { } card ? View("Details", card) : NotFound();
}
