using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Web.Features.Home;

[AllowAnonymous]
public sealed class HomeController(ListLiveProgrammes listLiveProgrammes) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await listLiveProgrammes.HandleAsync(cancellationToken));
}
