using Campaigns.Web.Data;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Domain.Security;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Assistance.Volunteers;

[Authorize(Roles = Roles.Volunteer)]
[Route("volunteer")]
public sealed class VolunteerController(ReadAssistance read, IStringLocalizer<SharedResource> T) : Controller
{
    [HttpGet("profile")]
    public async Task<IActionResult> Profile(CancellationToken cancellationToken) =>
        View(new VolunteerProfileModel(await read.ProfileFormAsync(PartnerAccess.UserId(User), cancellationToken), await read.SkillsAsync(cancellationToken), []));

    [HttpPost("profile")]
    public async Task<IActionResult> SaveProfile(VolunteerProfileForm form, [FromServices] SaveVolunteerProfile save, CancellationToken cancellationToken)
    {
        var errors = ModelState.IsValid
            ? await save.HandleAsync(PartnerAccess.UserId(User), form, cancellationToken)
            : ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList();
        if (errors.Count > 0)
        {
            while (form.Windows.Count < 3)
            {
                form.Windows.Add(new WindowForm());
            }

            return View("Profile", new VolunteerProfileModel(form, await read.SkillsAsync(cancellationToken), errors));
        }

        TempData["Notice"] = T["Your profile is saved."].Value;
        return Redirect("/volunteer/profile");
    }

    [HttpGet("deployments")]
    public async Task<IActionResult> Deployments([FromServices] NeedToKnow needToKnow, [FromServices] CampaignsDbContext db, CancellationToken cancellationToken)
    {
        var rows = await read.DeploymentsAsync(read.OfVolunteer(PartnerAccess.UserId(User)), contactsAlways: false, cancellationToken);

        // An accepted volunteer reads the request's safety notes: a view of a protected record, so it is audited.
        var shown = rows.Where(r => !string.IsNullOrEmpty(r.SafetyNotes)).Select(r => r.RequestSlug).Distinct().ToList();
        foreach (var id in await db.AssistanceRequests.Where(r => shown.Contains(r.Slug)).Select(r => r.Id).ToListAsync(cancellationToken))
        {
            await needToKnow.AuditViewAsync(User, AuditRecords.AssistanceRequest, id, cancellationToken);
        }

        return View(rows);
    }

    [HttpPost("deployments/{id:guid}/withdraw")]
    public async Task<IActionResult> Withdraw(Guid id, [FromServices] MoveDeployment move, CancellationToken cancellationToken)
    {
        var me = PartnerAccess.UserId(User);
        var errors = await move.HandleAsync(id, DeploymentStep.Withdraw, me, null, me, cancellationToken);
        return Done(errors, "You have withdrawn.");
    }

    [HttpPost("deployments/{id:guid}/handover")]
    public async Task<IActionResult> Handover(Guid id, string? report, [FromServices] CloseDeployment close, CancellationToken cancellationToken) =>
        Done(await close.HandoverAsync(id, PartnerAccess.UserId(User), report, cancellationToken), "Your handover report is saved.");

    private IActionResult Done(IReadOnlyList<string>? errors, string success)
    {
        if (errors is null)
        {
            return NotFound();
        }

        TempData["Notice"] = errors.Count == 0 ? T[success].Value : string.Join(" ", errors.Select(e => T[e].Value));
        return Redirect("/volunteer/deployments");
    }
}

public sealed record VolunteerProfileModel(VolunteerProfileForm Form, IReadOnlyList<SkillOption> Skills, IReadOnlyList<string> Errors);
