using Campaigns.Web.Data;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Targets;

/// <summary>The directory of officials, embassies, consulates and UN bodies campaigns address.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("admin/targets")]
public sealed class TargetsController(CampaignsDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return View(await db.Targets.AsNoTracking().OrderBy(t => t.CountryCode).ThenBy(t => t.Name)
            .Select(t => new TargetRow(t.Id, t.Name, t.Title, t.Institution, t.Kind, t.CountryCode, t.Email,
                (t.TermStartsOn == null || t.TermStartsOn <= today) && (t.TermEndsOn == null || t.TermEndsOn >= today)))
            .ToListAsync(cancellationToken));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) => View("Edit", new TargetEditModel(null, new TargetForm(), await DistrictsAsync(cancellationToken)));

    [HttpPost("new")]
    public Task<IActionResult> Create(TargetForm form, [FromServices] SaveTarget save, CancellationToken cancellationToken) =>
        SaveAsync(null, form, save, cancellationToken);

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var form = await db.Targets.AsNoTracking().Where(t => t.Id == id).Select(t => new TargetForm
        {
            Name = t.Name,
            Title = t.Title,
            Institution = t.Institution,
            Kind = t.Kind,
            CountryCode = t.CountryCode,
            PostalAddress = t.PostalAddress,
            Email = t.Email,
            Phone = t.Phone,
            Salutation = t.Salutation,
            Language = t.Language,
            DistrictId = t.DistrictId,
            TermStartsOn = t.TermStartsOn,
            TermEndsOn = t.TermEndsOn,
        }).SingleOrDefaultAsync(cancellationToken);
        return form is null ? NotFound() : View("Edit", new TargetEditModel(id, form, await DistrictsAsync(cancellationToken)));
    }

    [HttpPost("{id:guid}/edit")]
    public Task<IActionResult> Update(Guid id, TargetForm form, [FromServices] SaveTarget save, CancellationToken cancellationToken) =>
        SaveAsync(id, form, save, cancellationToken);

    private async Task<IActionResult> SaveAsync(Guid? id, TargetForm form, SaveTarget save, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await save.HandleAsync(id, form, cancellationToken);
            if (result.Id is not null)
            {
                return Redirect("/admin/targets");
            }

            if (result.Error is null)
            {
                return NotFound();
            }

            ModelState.AddModelError("", T[result.Error]);
        }

        return View("Edit", new TargetEditModel(id, form, await DistrictsAsync(cancellationToken)));
    }

    private Task<List<DistrictChoice>> DistrictsAsync(CancellationToken cancellationToken) =>
        db.Districts.AsNoTracking().OrderBy(d => d.CountryCode).ThenBy(d => d.Name).Select(d => new DistrictChoice(d.Id, d.CountryCode, d.Name)).ToListAsync(cancellationToken);
}
