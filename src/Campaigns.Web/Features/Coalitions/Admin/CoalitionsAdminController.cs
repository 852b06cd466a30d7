using Campaigns.Web.Data;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Coalitions.Admin;

[Authorize(Policy = Policies.Staff)]
[Route("admin/coalitions")]
public sealed class CoalitionsAdminController(CampaignsDbContext db, ReadCoalitionPage read, ReadJointAction actions, IStringLocalizer<SharedResource> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await db.Coalitions.AsNoTracking().OrderBy(c => c.Name).Select(c => new CoalitionRow(c.Slug, c.Name, c.Sector, c.Purpose, c.Status)).ToListAsync(cancellationToken));

    [HttpGet("new")]
    public IActionResult New() => View("Edit", new CoalitionEditModel(null, new CoalitionForm()));

    [HttpPost("new")]
    public Task<IActionResult> Create(CoalitionForm form, [FromServices] SaveCoalition save, CancellationToken cancellationToken) => SaveAsync(null, form, save, cancellationToken);

    [HttpGet("{slug}/edit")]
    public async Task<IActionResult> Edit(string slug, CancellationToken cancellationToken)
    {
        var form = await db.Coalitions.AsNoTracking().Where(c => c.Slug == slug)
            .Select(c => new CoalitionForm { Name = c.Name, Sector = c.Sector, Purpose = c.Purpose, Status = c.Status }).SingleOrDefaultAsync(cancellationToken);
        return form is null ? NotFound() : View("Edit", new CoalitionEditModel(slug, form));
    }

    [HttpPost("{slug}/edit")]
    public Task<IActionResult> Update(string slug, CoalitionForm form, [FromServices] SaveCoalition save, CancellationToken cancellationToken) => SaveAsync(slug, form, save, cancellationToken);

    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken) =>
        await AdminPageAsync(slug, null, cancellationToken) is { } page ? View("Show", page) : NotFound();

    [HttpPost("{slug}/versions")]
    public async Task<IActionResult> Publish(string slug, PointsForm form, [FromServices] PublishPointsVersion publish, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await AdminPageAsync(slug, form, cancellationToken) is { } page ? View("Show", page) : NotFound();
        }

        var number = await publish.HandleAsync(slug, form, cancellationToken);
        if (number is null)
        {
            return NotFound();
        }

        TempData["Notice"] = number == 0 ? T["The text is the same as the current version; nothing was published."].Value : T["Version {0} is published; members were asked to re-affirm.", number].Value;
        return Redirect($"/admin/coalitions/{slug}");
    }

    [HttpPost("{slug}/members/{memberId:guid}/approve")]
    public async Task<IActionResult> Approve(string slug, Guid memberId, bool approved, CancellationToken cancellationToken)
    {
        var changed = await db.CoalitionMembers.Where(m => m.Id == memberId && db.Coalitions.Any(c => c.Id == m.CoalitionId && c.Slug == slug))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Approved, approved), cancellationToken);
        return changed == 0 ? NotFound() : Redirect($"/admin/coalitions/{slug}");
    }

    /// <summary>Links a member to the partner organisation it is (or none): that partner's users then see its supporters.</summary>
    [HttpPost("{slug}/members/{memberId:guid}/partner")]
    public async Task<IActionResult> LinkPartner(string slug, Guid memberId, Guid? partnerId, CancellationToken cancellationToken)
    {
        if (partnerId is { } id && !await db.Partners.AnyAsync(p => p.Id == id, cancellationToken))
        {
            TempData["Notice"] = T["Choose a partner organisation from the list."].Value;
            return Redirect($"/admin/coalitions/{slug}");
        }

        var changed = await db.CoalitionMembers.Where(m => m.Id == memberId && db.Coalitions.Any(c => c.Id == m.CoalitionId && c.Slug == slug))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.PartnerOrganisationId, partnerId), cancellationToken);
        return changed == 0 ? NotFound() : Redirect($"/admin/coalitions/{slug}");
    }

    [HttpPost("{slug}/actions")]
    public async Task<IActionResult> AddJointAction(string slug, JointActionForm form, [FromServices] SaveJointAction save, CancellationToken cancellationToken)
    {
        var error = ModelState.IsValid ? await save.HandleAsync(slug, form, cancellationToken) : "Enter the address (slug) of the action, drive or tour.";
        TempData["Notice"] = error is null ? T["The joint action is added."].Value : T[error].Value;
        return Redirect($"/admin/coalitions/{slug}");
    }

    /// <summary>Staff see one co-sponsor's list at a time, exactly as that organisation would.</summary>
    [HttpGet("{slug}/actions/{id:guid}")]
    public async Task<IActionResult> JointAction(string slug, Guid id, Guid? member, CancellationToken cancellationToken)
    {
        if (await actions.TotalsAsync(id, cancellationToken) is not { } totals)
        {
            return NotFound();
        }

        var sponsor = totals.Sponsors.FirstOrDefault(s => s.MemberId == member) ?? totals.Sponsors.FirstOrDefault();
        var supporters = sponsor is null ? [] : await actions.SupportersVisibleToAsync(id, sponsor.MemberId, cancellationToken);
        ViewData["Slug"] = slug;
        return View("JointAction", new SponsorPage(totals, sponsor?.MemberId ?? Guid.Empty, sponsor?.Name ?? "", supporters));
    }

    private async Task<CoalitionAdminPage?> AdminPageAsync(string slug, PointsForm? form, CancellationToken cancellationToken)
    {
        if (await read.HandleAsync(slug, true, cancellationToken) is not { } page)
        {
            return null;
        }

        var ids = page.Members.Select(m => m.Id).ToList();
        var signatories = await db.Endorsements.AsNoTracking().Where(e => ids.Contains(e.MemberId))
            .Select(e => new SignatoryRow(e.MemberId, e.SignerName, e.SignerEmail, e.SignedAt)).ToListAsync(cancellationToken);
        var latest = signatories.GroupBy(s => s.MemberId).Select(g => g.MaxBy(s => s.SignedAt)!).ToList();
        var totals = new List<JointActionTotals>();
        foreach (var a in page.JointActions)
        {
            totals.Add((await actions.TotalsAsync(a.Id, cancellationToken))!);
        }

        var memberPartners = await db.CoalitionMembers.AsNoTracking().Where(m => ids.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.PartnerOrganisationId, cancellationToken);
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.Name).Select(p => new PartnerChoice(p.Id, p.Name)).ToListAsync(cancellationToken);
        return new CoalitionAdminPage(page, latest, form ?? new PointsForm { Text = page.Current?.Text ?? "" }, totals, memberPartners, partners);
    }

    private async Task<IActionResult> SaveAsync(string? slug, CoalitionForm form, SaveCoalition save, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var errors = new Dictionary<string, string>();
            if (await save.HandleAsync(slug, form, errors, cancellationToken) is { } saved)
            {
                return Redirect($"/admin/coalitions/{saved}");
            }

            if (errors.Count == 0)
            {
                return NotFound();
            }

            foreach (var (key, message) in errors)
            {
                ModelState.AddModelError(key, T[message]);
            }
        }

        return View("Edit", new CoalitionEditModel(slug, form));
    }
}
