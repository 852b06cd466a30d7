using Campaigns.Web.Data;
using Campaigns.Web.Features.Tours.Admin;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Delegations.Admin;

[Authorize(Policy = Policies.Staff)]
[Route("admin/delegations")]
public sealed class AdminDelegationsController(ReadRosters read, IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary>Blank rows offered for new roles on the form.</summary>
    private const int BlankRoles = 3;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await read.ListAsync(openOnly: false, cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) => await EditViewAsync(null, new RosterForm(), [], cancellationToken);

    [HttpPost("new")]
    public async Task<IActionResult> Create(RosterForm form, [FromServices] SaveRoster save, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await EditViewAsync(null, form, [], cancellationToken);
        }

        var result = await save.CreateAsync(form, NeedToKnow.UserId(User), cancellationToken);
        return result.Errors.Count > 0 ? await EditViewAsync(null, form, result.Errors, cancellationToken) : Redirect($"/admin/delegations/{result.Slug}");
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Details(string slug, CancellationToken cancellationToken)
    {
        var roster = await read.FindAsync(slug, NeedToKnow.UserId(User), staff: true, cancellationToken);
        return roster is null ? NotFound() : View(roster);
    }

    [HttpGet("{slug}/edit")]
    public async Task<IActionResult> Edit(string slug, CancellationToken cancellationToken)
    {
        var form = await read.FormAsync(slug, cancellationToken);
        return form is null ? NotFound() : await EditViewAsync(slug, form, [], cancellationToken);
    }

    [HttpPost("{slug}/edit")]
    public async Task<IActionResult> Update(string slug, RosterForm form, [FromServices] SaveRoster save, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await EditViewAsync(slug, form, [], cancellationToken);
        }

        var result = await save.UpdateAsync(slug, form, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        return result.Errors.Count > 0 ? await EditViewAsync(slug, form, result.Errors, cancellationToken) : Redirect($"/admin/delegations/{slug}");
    }

    [HttpPost("{slug}/applications/{id:guid}/approve")]
    public async Task<IActionResult> Approve(string slug, Guid id, [FromServices] RosterApplications applications, CancellationToken cancellationToken)
    {
        var outcome = await applications.ApproveAsync(slug, id, cancellationToken);
        if (outcome == DecisionOutcome.NotFound)
        {
            return NotFound();
        }

        if (outcome == DecisionOutcome.Full)
        {
            TempData["Notice"] = localizer["This role is full."].Value;
        }

        return Redirect($"/admin/delegations/{slug}");
    }

    [HttpPost("{slug}/applications/{id:guid}/decline")]
    public async Task<IActionResult> Decline(string slug, Guid id, [FromServices] RosterApplications applications, CancellationToken cancellationToken) =>
        await applications.DeclineAsync(slug, id, cancellationToken) == DecisionOutcome.NotFound ? NotFound() : Redirect($"/admin/delegations/{slug}");

    [HttpPost("{slug}/briefing")]
    public async Task<IActionResult> SendBriefing(string slug, [FromServices] SendBriefing send, CancellationToken cancellationToken)
    {
        var count = await send.HandleAsync(slug, cancellationToken);
        if (count is null)
        {
            return NotFound();
        }

        TempData["Notice"] = localizer["The briefing was sent to {0} people.", count.Value].Value;
        return Redirect($"/admin/delegations/{slug}");
    }

    /// <summary>The roster's reminder rules (briefing, daily check-in); the tours' rule form and use case serve any scope.</summary>
    [HttpGet("{slug}/reminders")]
    public async Task<IActionResult> Reminders(string slug, [FromServices] CampaignsDbContext db, CancellationToken cancellationToken)
    {
        var rosterId = await db.Rosters.Where(r => r.Slug == slug).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
        if (rosterId is null)
        {
            return NotFound();
        }

        var rules = await db.ReminderRules.AsNoTracking().Where(r => r.ScopeId == rosterId).OrderBy(r => r.OffsetMinutes).ToListAsync(cancellationToken);
        return View(new RosterRemindersView(slug, rules.Select(r => new ReminderRuleRow(r.Id, r.Kind, SaveReminderRule.ToForm(r))).ToList()));
    }

    [HttpPost("{slug}/reminders/{id:guid}")]
    public async Task<IActionResult> SaveReminder(string slug, Guid id, ReminderRuleForm form, [FromServices] CampaignsDbContext db, [FromServices] SaveReminderRule save, CancellationToken cancellationToken)
    {
        var rosterId = await db.Rosters.Where(r => r.Slug == slug).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
        TempData["Notice"] = rosterId is null || !ModelState.IsValid || !await save.HandleAsync(rosterId.Value, id, form, cancellationToken)
            ? localizer["The reminder was not saved: check the numbers."].Value
            : localizer["Reminder saved."].Value;
        return Redirect($"/admin/delegations/{slug}/reminders");
    }

    private async Task<IActionResult> EditViewAsync(string? slug, RosterForm form, IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError("", error);
        }

        var roles = form.Roles.Where(r => r.Id is not null || !string.IsNullOrWhiteSpace(r.Name)).ToList();
        roles.AddRange(Enumerable.Range(0, BlankRoles).Select(_ => new RoleInput()));
        form.Roles = roles;
        return View("Edit", new RosterEditModel(slug, form, await read.PartnersAsync(cancellationToken)));
    }
}

public sealed record RosterRemindersView(string Slug, IReadOnlyList<ReminderRuleRow> Rules);

public sealed record RosterEditModel(string? Slug, RosterForm Form, IReadOnlyList<PartnerOption> Partners);
