using Campaigns.Web.Data;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Domain.Security;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Assistance.Partner;

/// <summary>
/// A partner's own requests and offers. Every action first resolves the user's organisation; use cases filter by
/// it, so another organisation's request or deployment answers 404, exactly like one that does not exist.
/// </summary>
[Authorize(Roles = Roles.Partner)]
[Route("partner")]
public sealed class PartnerRequestsController(PartnerAccess access, ReadAssistance read, IStringLocalizer<SharedResource> T) : Controller
{
    [HttpGet("requests")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        await access.OrganisationIdAsync(User, cancellationToken) is { } org ? View(await read.PartnerRequestsAsync(org, cancellationToken)) : Forbid();

    [HttpGet("requests/new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("Edit", new RequestEditModel(null, new AssistanceRequestForm { Remote = true }, await read.SkillsAsync(cancellationToken), []));

    [HttpPost("requests/new")]
    public async Task<IActionResult> Create(AssistanceRequestForm form, [FromServices] SaveAssistanceRequest save, CancellationToken cancellationToken)
    {
        if (await access.OrganisationIdAsync(User, cancellationToken) is not { } org)
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return View("Edit", new RequestEditModel(null, form, await read.SkillsAsync(cancellationToken), ModelErrors()));
        }

        var (request, errors) = await save.CreateAsync(org, form, cancellationToken);
        return request is null
            ? View("Edit", new RequestEditModel(null, form, await read.SkillsAsync(cancellationToken), errors))
            : Redirect($"/partner/requests/{request.Slug}");
    }

    [HttpGet("requests/{slug}")]
    public async Task<IActionResult> Show(string slug, [FromServices] NeedToKnow needToKnow, [FromServices] CampaignsDbContext db, CancellationToken cancellationToken)
    {
        if (await access.OrganisationIdAsync(User, cancellationToken) is not { } org || await read.RequestWithDeploymentsAsync(slug, org, cancellationToken) is not { } model)
        {
            return NotFound();
        }

        // The partner's own safety notes: theirs to read, and still a view of a protected record for the audit log.
        if (model.SafetyNotes.Length > 0)
        {
            var id = await db.AssistanceRequests.Where(r => r.Slug == slug && r.PartnerOrganisationId == org).Select(r => r.Id).SingleAsync(cancellationToken);
            await needToKnow.AuditViewAsync(User, AuditRecords.AssistanceRequest, id, cancellationToken);
        }

        return View(model);
    }

    [HttpGet("requests/{slug}/edit")]
    public async Task<IActionResult> Edit(string slug, CancellationToken cancellationToken) =>
        await access.OrganisationIdAsync(User, cancellationToken) is { } org && await read.FormAsync(slug, org, cancellationToken) is { } form
            ? View(new RequestEditModel(slug, form, await read.SkillsAsync(cancellationToken), []))
            : NotFound();

    [HttpPost("requests/{slug}/edit")]
    public async Task<IActionResult> Update(string slug, AssistanceRequestForm form, [FromServices] SaveAssistanceRequest save, CancellationToken cancellationToken)
    {
        if (await access.OrganisationIdAsync(User, cancellationToken) is not { } org)
        {
            return NotFound();
        }

        var errors = ModelState.IsValid ? await save.UpdateAsync(org, slug, form, cancellationToken) : ModelErrors();
        return errors switch
        {
            null => NotFound(),
            { Count: 0 } => Redirect($"/partner/requests/{slug}"),
            _ => View("Edit", new RequestEditModel(slug, form, await read.SkillsAsync(cancellationToken), errors)),
        };
    }

    [HttpPost("requests/{slug}/pause")]
    public Task<IActionResult> Pause(string slug, [FromServices] ChangeRequestStatus change, CancellationToken cancellationToken) =>
        StatusAsync(slug, ProgrammeStatus.Draft, change, "The request is paused.", cancellationToken);

    [HttpPost("requests/{slug}/reopen")]
    public Task<IActionResult> Reopen(string slug, [FromServices] ChangeRequestStatus change, CancellationToken cancellationToken) =>
        StatusAsync(slug, ProgrammeStatus.Live, change, "The request is open again.", cancellationToken);

    [HttpPost("requests/{slug}/close")]
    public Task<IActionResult> Close(string slug, [FromServices] ChangeRequestStatus change, CancellationToken cancellationToken) =>
        StatusAsync(slug, ProgrammeStatus.Closed, change, "The request is closed.", cancellationToken);

    [HttpPost("deployments/{id:guid}/accept")]
    public Task<IActionResult> Accept(Guid id, string? back, [FromServices] MoveDeployment move, CancellationToken cancellationToken) =>
        MoveAsync(id, DeploymentStep.Accept, back, move, "You accepted the volunteer.", cancellationToken);

    [HttpPost("deployments/{id:guid}/decline")]
    public Task<IActionResult> Decline(Guid id, string? back, [FromServices] MoveDeployment move, CancellationToken cancellationToken) =>
        MoveAsync(id, DeploymentStep.Decline, back, move, "You declined the offer.", cancellationToken);

    [HttpPost("deployments/{id:guid}/rate")]
    public async Task<IActionResult> Rate(Guid id, int rating, string? comment, string? back, [FromServices] CloseDeployment close, CancellationToken cancellationToken)
    {
        if (await access.OrganisationIdAsync(User, cancellationToken) is not { } org)
        {
            return NotFound();
        }

        return After(await close.RateAsync(id, org, rating, comment, cancellationToken), back, "Thank you for your rating.");
    }

    private async Task<IActionResult> MoveAsync(Guid id, DeploymentStep step, string? back, MoveDeployment move, string success, CancellationToken cancellationToken)
    {
        if (await access.OrganisationIdAsync(User, cancellationToken) is not { } org)
        {
            return NotFound();
        }

        return After(await move.HandleAsync(id, step, PartnerAccess.UserId(User), org, null, cancellationToken), back, success);
    }

    private async Task<IActionResult> StatusAsync(string slug, ProgrammeStatus status, ChangeRequestStatus change, string success, CancellationToken cancellationToken)
    {
        if (await access.OrganisationIdAsync(User, cancellationToken) is not { } org || !await change.HandleAsync(org, slug, status, cancellationToken))
        {
            return NotFound();
        }

        TempData["Notice"] = T[success].Value;
        return Redirect($"/partner/requests/{slug}");
    }

    private IActionResult After(IReadOnlyList<string>? errors, string? back, string success)
    {
        if (errors is null)
        {
            return NotFound();
        }

        TempData["Notice"] = errors.Count == 0 ? T[success].Value : string.Join(" ", errors.Select(e => T[e].Value));
        return Redirect(back is { } b && b.StartsWith("/partner/", StringComparison.Ordinal) ? b : "/partner/requests");
    }

    private List<string> ModelErrors() => ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList();
}

public sealed record RequestEditModel(string? Slug, AssistanceRequestForm Form, IReadOnlyList<SkillOption> Skills, IReadOnlyList<string> Errors);
