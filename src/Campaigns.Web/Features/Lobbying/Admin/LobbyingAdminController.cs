using Campaigns.Web.Data;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Infrastructure.Localization;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Lobbying.Admin;

[Authorize(Policy = Policies.Staff)]
[Route("admin/lobbying")]
public sealed class LobbyingAdminController(CampaignsDbContext db, ReadLobbyingPage pages, TimeProvider clock, IStringLocalizer<SharedResource> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return View(await db.LobbyingCampaigns.AsNoTracking().OrderBy(c => c.Title)
            .Select(c => new LobbyingAdminRow(c.Slug, c.Title, c.Status,
                db.LobbyingCampaignTargets.Where(l => l.CampaignId == c.Id).Join(db.Targets, l => l.TargetId, t => t.Id, (l, t) => t)
                    .Count(t => t.TermEndsOn != null && t.TermEndsOn < today)))
            .ToListAsync(cancellationToken));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("Edit", await EditModelAsync(null, new LobbyingCampaignForm { Letters = CampaignsLocalization.Cultures.Select(l => new LetterInput { Language = l }).ToList() }, cancellationToken));

    [HttpPost("new")]
    public Task<IActionResult> Create(LobbyingCampaignForm form, [FromServices] SaveLobbyingCampaign save, CancellationToken cancellationToken) => SaveAsync(null, form, save, cancellationToken);

    [HttpGet("{slug}/edit")]
    public async Task<IActionResult> Edit(string slug, [FromServices] SaveLobbyingCampaign save, CancellationToken cancellationToken) =>
        await save.FormAsync(slug, cancellationToken) is { } form ? View("Edit", await EditModelAsync(slug, form, cancellationToken)) : NotFound();

    [HttpPost("{slug}/edit")]
    public Task<IActionResult> Update(string slug, LobbyingCampaignForm form, [FromServices] SaveLobbyingCampaign save, CancellationToken cancellationToken) => SaveAsync(slug, form, save, cancellationToken);

    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string slug, [FromServices] ReadScorecard scorecard, CancellationToken cancellationToken)
    {
        if (await pages.HandleAsync(slug, "en", true, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        return View("Show", new LobbyingAdminPage(page, await scorecard.HandleAsync(page.Campaign.Id, cancellationToken), new MomentForm()));
    }

    [HttpPost("{slug}/moments")]
    public async Task<IActionResult> AddMoment(string slug, MomentForm form, CancellationToken cancellationToken)
    {
        var campaignId = await db.LobbyingCampaigns.Where(c => c.Slug == slug).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (campaignId is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            TempData["Notice"] = T["Enter the title and the date of the moment."].Value;
            return Redirect($"/admin/lobbying/{slug}");
        }

        db.LobbyingMoments.Add(new LobbyingMoment
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            CampaignId = campaignId.Value,
            Title = form.Title.Trim(),
            Kind = form.Kind,
            On = form.On!.Value,
            Notes = form.Notes?.Trim() ?? "",
        });
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/admin/lobbying/{slug}");
    }

    /// <summary>Every directory entry whose term ended while live campaigns still address it.</summary>
    [HttpGet("stale")]
    public async Task<IActionResult> Stale([FromServices] ReplaceStaleTarget replace, CancellationToken cancellationToken) =>
        View("Stale", await replace.ListAsync(cancellationToken));

    [HttpPost("stale/{targetId:guid}/replace")]
    public async Task<IActionResult> Replace(Guid targetId, Guid successorId, [FromServices] ReplaceStaleTarget replace, CancellationToken cancellationToken)
    {
        var result = await replace.HandleAsync(targetId, successorId, cancellationToken);
        TempData["Notice"] = result.Outcome switch
        {
            ReplaceOutcome.Moved => T["The successor now replaces the target on {0} live campaigns and actions.", result.Moved].Value,
            ReplaceOutcome.StillInOffice => T["This target's term has not ended."].Value,
            ReplaceOutcome.SuccessorOutOfOffice => T["The successor's term has ended too; choose someone in office."].Value,
            _ => T["Choose a successor from the directory."].Value,
        };
        return Redirect("/admin/lobbying/stale");
    }

    private async Task<LobbyingEditModel> EditModelAsync(string? slug, LobbyingCampaignForm form, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var targets = await db.Targets.AsNoTracking().OrderBy(t => t.CountryCode).ThenBy(t => t.Name)
            .Select(t => new TargetChoice(t.Id, t.Name, t.Title, t.CountryCode, db.Districts.Where(d => d.Id == t.DistrictId).Select(d => d.Name).FirstOrDefault(),
                t.TermEndsOn != null && t.TermEndsOn < today))
            .ToListAsync(cancellationToken);
        var coalitions = await db.Coalitions.AsNoTracking().OrderBy(c => c.Name).Select(c => new CoalitionChoice(c.Slug, c.Name)).ToListAsync(cancellationToken);
        return new LobbyingEditModel(slug, form, targets, coalitions);
    }

    private async Task<IActionResult> SaveAsync(string? slug, LobbyingCampaignForm form, SaveLobbyingCampaign save, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var errors = new Dictionary<string, string>();
            if (await save.HandleAsync(slug, form, errors, cancellationToken) is { } saved)
            {
                return Redirect($"/admin/lobbying/{saved}");
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

        return View("Edit", await EditModelAsync(slug, form, cancellationToken));
    }
}
