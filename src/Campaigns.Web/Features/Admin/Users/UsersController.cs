using Campaigns.Web.Data;
using Campaigns.Web.Features.Accounts;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Admin.Users;

[Authorize(Policy = Policies.Admin)]
[Route("admin/users")]
public sealed class UsersController(CampaignsDbContext db, UserManager<CampaignsUser> users, IAuthorizationService authorization, IStringLocalizer<SharedResource> T) : Controller
{
    private const string PartnerRefused = "Only someone with access to both partner organisations, the old and the new, can change the partner an account speaks for.";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await LoadAsync(new InviteUserForm(), cancellationToken));

    [HttpPost("invite")]
    public async Task<IActionResult> Invite(InviteUserForm form, [FromServices] InviteUser invite, CancellationToken cancellationToken)
    {
        // A partner user reads that partner's protected records: only someone with need-to-know of it may make one.
        if (!(await authorization.AuthorizeAsync(User, new PartnerChange(null, form.PartnerOrganisationId), Policies.ChangePartner)).Succeeded)
        {
            ModelState.AddModelError(nameof(form.PartnerOrganisationId), T[PartnerRefused]);
        }

        if (ModelState.IsValid)
        {
            var errors = await invite.HandleAsync(form, User, cancellationToken);
            if (errors.Count == 0)
            {
                TempData["Notice"] = T["Invitation sent to {0}.", form.Email].Value;
                return Redirect("/admin/users");
            }

            foreach (var error in errors)
            {
                ModelState.AddModelError("", T[error]);
            }
        }

        return View("Index", await LoadAsync(form, cancellationToken));
    }

    [HttpPost("{id:guid}/roles")]
    public async Task<IActionResult> Roles(Guid id, SetUserRolesForm form, [FromServices] SetUserRoles setRoles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var current = await db.Users.Where(u => u.Id == id).Select(u => u.PartnerOrganisationId).SingleOrDefaultAsync(cancellationToken);
        if (!(await authorization.AuthorizeAsync(User, new PartnerChange(current, form.PartnerOrganisationId), Policies.ChangePartner)).Succeeded)
        {
            TempData["Notice"] = T[PartnerRefused].Value;
            return Redirect("/admin/users");
        }

        var errors = await setRoles.HandleAsync(id, User, form, cancellationToken);
        TempData["Notice"] = errors.Count == 0 ? T["Roles saved."].Value : string.Join(" ", errors.Select(e => T[e].Value));
        return Redirect("/admin/users");
    }

    [HttpPost("{id:guid}/freeze")]
    public async Task<IActionResult> Freeze(Guid id, [FromServices] FreezeAccount freeze)
    {
        if (id == Guid.Parse(users.GetUserId(User)!))
        {
            TempData["Notice"] = T["To freeze your own account, use the link in your security email."].Value;
            return Redirect("/admin/users");
        }

        TempData["Notice"] = await freeze.FreezeAsync(id) ? T["The account is frozen; its sessions have ended."].Value : T["The user does not exist."].Value;
        return Redirect("/admin/users");
    }

    [HttpPost("{id:guid}/unfreeze")]
    public async Task<IActionResult> Unfreeze(Guid id, [FromServices] FreezeAccount freeze)
    {
        TempData["Notice"] = await freeze.UnfreezeAsync(id) ? T["The account is unfrozen."].Value : T["The user does not exist."].Value;
        return Redirect("/admin/users");
    }

    [HttpPost("{id:guid}/two-factor/reset")]
    public async Task<IActionResult> ResetTwoFactor(Guid id, [FromServices] ManageTwoFactor twoFactor, [FromServices] ILogger<UsersController> logger)
    {
        if (id == Guid.Parse(users.GetUserId(User)!))
        {
            TempData["Notice"] = T["Use your recovery codes to reach your own account; another Admin can reset it for you."].Value;
            return Redirect("/admin/users");
        }

        var reset = await twoFactor.ResetAsync(id);
        if (reset)
        {
            logger.LogWarning("Two-step verification reset for user {UserId} by admin {AdminId}", id, users.GetUserId(User));
        }

        TempData["Notice"] = reset ? T["Two-step verification is reset; its sessions have ended."].Value : T["The user does not exist."].Value;
        return Redirect("/admin/users");
    }

    private async Task<UsersViewModel> LoadAsync(InviteUserForm form, CancellationToken cancellationToken)
    {
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!, cancellationToken);
        var userRoles = await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken);
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.EmailConfirmed, u.PartnerOrganisationId, u.FrozenAt })
            .ToListAsync(cancellationToken);
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new PartnerOption(p.Id, p.Name)).ToListAsync(cancellationToken);
        return new UsersViewModel(
            rows.Select(u => new UserRow(
                u.Id, u.Email!, u.DisplayName, u.EmailConfirmed, u.FrozenAt is not null, u.PartnerOrganisationId,
                userRoles.Where(r => r.UserId == u.Id).Select(r => roleNames[r.RoleId]).Order().ToList())).ToList(),
            partners,
            form);
    }
}

public sealed record UsersViewModel(IReadOnlyList<UserRow> Users, IReadOnlyList<PartnerOption> Partners, InviteUserForm Invite);

public sealed record UserRow(Guid Id, string Email, string DisplayName, bool Confirmed, bool Frozen, Guid? PartnerOrganisationId, IReadOnlyList<string> Roles);

public sealed record PartnerOption(Guid Id, string Name);
