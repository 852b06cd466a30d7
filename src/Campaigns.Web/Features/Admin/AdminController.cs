using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Web.Features.Admin;

[Authorize(Policy = Policies.Staff)]
public sealed class AdminController : Controller
{
    [HttpGet("/admin")]
    public IActionResult Index() => View();
}
