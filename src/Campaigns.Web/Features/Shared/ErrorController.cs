using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Web.Features.Shared;

[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]

// Status pages re-execute the original request, POSTs included (a webhook's 401, a form's 429): an error page
// must render for them, not fail antiforgery validation.
[IgnoreAntiforgeryToken]
public sealed class ErrorController : Controller
{
    [Route("/error/{status:int?}")]
    public IActionResult Index(int? status) => View("Error", status);

    /// <summary>Unknown addresses get a plain 404, not a sign-in page: a mistyped leaflet link must say so.</summary>
    public IActionResult Missing()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("Error", StatusCodes.Status404NotFound);
    }
}
