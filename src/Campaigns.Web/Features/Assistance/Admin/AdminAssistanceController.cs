using Campaigns.Web.Data;
using Campaigns.Web.Domain.Assistance;
using Campaigns.Web.Domain.Security;
using Campaigns.Web.Features.Assistance.CheckIns;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Assistance.Admin;

[Authorize(Policy = Policies.Staff)]
[Route("admin/assistance")]
public sealed class AdminAssistanceController(ReadAssistance read, CampaignsDbContext db, IStringLocalizer<SharedResource> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await read.AllRequestsAsync(cancellationToken));

    [HttpGet("requests/{slug}")]
    public async Task<IActionResult> RequestMatches(string slug, [FromServices] FindMatches matches, [FromServices] NeedToKnow needToKnow, CancellationToken cancellationToken)
    {
        if (await read.RequestWithDeploymentsAsync(slug, null, cancellationToken) is not { } request || await matches.HandleAsync(slug, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        // Safety notes are protected: shown, and audited, only with need-to-know of the partner that asked.
        var owner = await db.AssistanceRequests.Where(r => r.Slug == slug).Select(r => new { r.Id, r.PartnerOrganisationId }).SingleAsync(cancellationToken);
        if (!await needToKnow.CanSeePartnerAsync(User, owner.PartnerOrganisationId, cancellationToken))
        {
            return View("Request", new AdminRequestModel(request with { SafetyNotes = "" }, found, SafetyNotesHidden: request.SafetyNotes.Length > 0));
        }

        await needToKnow.AuditViewAsync(User, AuditRecords.AssistanceRequest, owner.Id, cancellationToken);
        return View("Request", new AdminRequestModel(request, found));
    }

    [HttpPost("requests/{slug}/propose")]
    public async Task<IActionResult> Propose(string slug, Guid volunteerId, [FromServices] OfferAssistance offer, CancellationToken cancellationToken)
    {
        var errors = await offer.ProposeAsync(slug, volunteerId, PartnerAccess.UserId(User), cancellationToken);
        TempData["Notice"] = errors.Count == 0 ? T["Proposed to the partner."].Value : string.Join(" ", errors.Select(e => T[e].Value));
        return Redirect($"/admin/assistance/requests/{slug}");
    }

    [HttpGet("deployments/{id:guid}")]
    public async Task<IActionResult> Deployment(Guid id, CancellationToken cancellationToken)
    {
        var row = (await read.DeploymentsAsync(db.Deployments.Where(d => d.Id == id), contactsAlways: true, cancellationToken)).SingleOrDefault();
        if (row is null)
        {
            return NotFound();
        }

        var schedule = await db.CheckInSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.DeploymentId == id, cancellationToken);
        return View(new AdminDeploymentModel(row, schedule, await read.CheckInsAsync(id, cancellationToken)));
    }

    [HttpPost("deployments/{id:guid}/brief")]
    public Task<IActionResult> Brief(Guid id, [FromServices] MoveDeployment move, CancellationToken cancellationToken) => MoveAsync(id, DeploymentStep.Brief, move, cancellationToken);

    [HttpPost("deployments/{id:guid}/start")]
    public Task<IActionResult> Start(Guid id, [FromServices] MoveDeployment move, CancellationToken cancellationToken) => MoveAsync(id, DeploymentStep.Start, move, cancellationToken);

    [HttpPost("deployments/{id:guid}/complete")]
    public Task<IActionResult> Complete(Guid id, [FromServices] MoveDeployment move, CancellationToken cancellationToken) => MoveAsync(id, DeploymentStep.Complete, move, cancellationToken);

    [HttpPost("deployments/{id:guid}/withdraw")]
    public Task<IActionResult> Withdraw(Guid id, [FromServices] MoveDeployment move, CancellationToken cancellationToken) => MoveAsync(id, DeploymentStep.Withdraw, move, cancellationToken);

    [HttpPost("deployments/{id:guid}/check-ins")]
    public async Task<IActionResult> CheckIns(Guid id, CheckInScheduleForm form, [FromServices] ScheduleCheckIns schedule, CancellationToken cancellationToken)
    {
        var errors = ModelState.IsValid
            ? await schedule.HandleAsync(id, form, PartnerAccess.UserId(User), cancellationToken)
            : ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList();
        if (errors is null)
        {
            return NotFound();
        }

        TempData["Notice"] = errors.Count == 0 ? T["Check-ins scheduled."].Value : string.Join(" ", errors.Select(e => T[e].Value));
        return Redirect($"/admin/assistance/deployments/{id}");
    }

    private async Task<IActionResult> MoveAsync(Guid id, DeploymentStep step, MoveDeployment move, CancellationToken cancellationToken)
    {
        var errors = await move.HandleAsync(id, step, PartnerAccess.UserId(User), null, null, cancellationToken);
        if (errors is null)
        {
            return NotFound();
        }

        TempData["Notice"] = errors.Count == 0 ? T["Saved."].Value : string.Join(" ", errors.Select(e => T[e].Value));
        return Redirect($"/admin/assistance/deployments/{id}");
    }

    [HttpGet("volunteers")]
    public async Task<IActionResult> Volunteers(CancellationToken cancellationToken) => View(await read.VolunteersAsync(cancellationToken));

    [HttpGet("volunteers/{id:guid}")]
    public async Task<IActionResult> Volunteer(Guid id, CancellationToken cancellationToken) =>
        await read.VolunteerAsync(id, cancellationToken) is { } volunteer
            ? View(new VolunteerHistoryModel(volunteer, await read.DeploymentsAsync(read.OfVolunteer(id), contactsAlways: true, cancellationToken)))
            : NotFound();

    [HttpPost("volunteers/{id:guid}/background-check")]
    public async Task<IActionResult> BackgroundCheck(Guid id, BackgroundCheckStatus status, [FromServices] SetBackgroundCheck set, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(status) || !await set.HandleAsync(id, status, PartnerAccess.UserId(User), cancellationToken))
        {
            return NotFound();
        }

        TempData["Notice"] = T["Saved."].Value;
        return Redirect($"/admin/assistance/volunteers/{id}");
    }

    [HttpGet("partners/{slug}")]
    public async Task<IActionResult> Partner(string slug, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(cancellationToken);
        return partner is null
            ? NotFound()
            : View(new PartnerHistoryModel(partner.Name, await read.DeploymentsAsync(read.OfPartner(partner.Id), contactsAlways: true, cancellationToken)));
    }
}

public sealed record AdminRequestModel(PartnerRequestModel Request, MatchesModel Matches, bool SafetyNotesHidden = false);

public sealed record AdminDeploymentModel(DeploymentRow Deployment, CheckInSchedule? Schedule, IReadOnlyList<CheckInRow> CheckIns);

public sealed record VolunteerHistoryModel(VolunteerRow Volunteer, IReadOnlyList<DeploymentRow> Deployments);

public sealed record PartnerHistoryModel(string Name, IReadOnlyList<DeploymentRow> Deployments);
