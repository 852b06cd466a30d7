using Campaigns.Web.Data;
using Campaigns.Web.Domain.Targets;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Targets;

/// <summary>The districts and constituencies per country that supporters choose from to find their representatives.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("admin/targets/districts")]
public sealed class DistrictsController(CampaignsDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Districts", await db.Districts.AsNoTracking().OrderBy(d => d.CountryCode).ThenBy(d => d.Name)
            .Select(d => new DistrictChoice(d.Id, d.CountryCode, d.Name)).ToListAsync(cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Add(string countryCode, string name, CancellationToken cancellationToken)
    {
        var code = (countryCode ?? "").Trim().ToUpperInvariant();
        var trimmed = (name ?? "").Trim();
        if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper) || trimmed.Length is 0 or > 200)
        {
            TempData["Notice"] = T["Enter the two-letter country code and the district's name."].Value;
        }
        else if (await db.Districts.AnyAsync(d => d.CountryCode == code && d.Name == trimmed, cancellationToken))
        {
            TempData["Notice"] = T["This district is already in the list."].Value;
        }
        else
        {
            db.Districts.Add(new District { Id = Guid.CreateVersion7(clock.GetUtcNow()), CountryCode = code, Name = trimmed });
            await db.SaveChangesAsync(cancellationToken);
        }

        return Redirect("/admin/targets/districts");
    }
}
