using Campaigns.Web.Data;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Domain.Security;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Admin.Access;

/// <summary>Need-to-know grants: which staff member may read the protected details of which partner or case.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("admin/access")]
public sealed class AccessController(CampaignsDbContext db, IStringLocalizer<SharedResource> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.Name).Select(p => new RecordOption("partner:" + p.Id, p.Name)).ToListAsync(cancellationToken);
        var cases = await db.UrgentActions.AsNoTracking().OrderBy(a => a.CaseReference)
            .Select(a => new RecordOption("case:" + a.Id, a.CaseReference + " — " + a.Title)).ToListAsync(cancellationToken);
        var staffRoles = await db.Roles.Where(r => r.Name == Roles.Admin || r.Name == Roles.Coordinator).Select(r => r.Id).ToListAsync(cancellationToken);
        var staff = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoles.Contains(ur.RoleId)))
            .OrderBy(u => u.Email).Select(u => new UserOption(u.Id, u.Email!)).ToListAsync(cancellationToken);
        var grants = await db.AccessGrants.AsNoTracking()
            .Join(db.Users, g => g.UserId, u => u.Id, (g, u) => new
            {
                g.Id,
                u.Email,
                g.Scope,
                g.RecordId,
                g.GrantedAt,
                GrantedBy = db.Users.Where(b => b.Id == g.GrantedBy).Select(b => b.Email).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var names = partners.Concat(cases).ToDictionary(o => o.Value, o => o.Label);
        var rows = grants
            .Select(g => new GrantRow(g.Id, g.Email!, g.Scope, names.GetValueOrDefault((g.Scope == AccessScope.Partner ? "partner:" : "case:") + g.RecordId, g.RecordId.ToString()), g.GrantedAt, g.GrantedBy))
            .OrderBy(r => r.UserEmail, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Record, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return View(new AccessViewModel(rows, staff, partners, cases));
    }

    [HttpPost("grants")]
    public async Task<IActionResult> Grant(GrantForm form, [FromServices] GrantAccess grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var error = GrantAccess.TryParseRecord(form.Record, out var scope, out var recordId)
            ? await grant.GrantAsync(User, form.UserId, scope, recordId, cancellationToken)
            : "Choose a partner organisation or a case.";
        TempData["Notice"] = error is null ? T["Access granted."].Value : T[error].Value;
        return Redirect("/admin/access");
    }

    [HttpPost("grants/{id:guid}/revoke")]
    public async Task<IActionResult> Revoke(Guid id, [FromServices] GrantAccess grant, CancellationToken cancellationToken)
    {
        TempData["Notice"] = await grant.RevokeAsync(User, id, cancellationToken) ? T["Access revoked."].Value : T["The grant does not exist."].Value;
        return Redirect("/admin/access");
    }
}

public sealed record RecordOption(string Value, string Label);

public sealed record UserOption(Guid Id, string Email);

public sealed record GrantRow(Guid Id, string UserEmail, AccessScope Scope, string Record, DateTimeOffset GrantedAt, string? GrantedBy);

public sealed record AccessViewModel(IReadOnlyList<GrantRow> Grants, IReadOnlyList<UserOption> Staff, IReadOnlyList<RecordOption> Partners, IReadOnlyList<RecordOption> Cases);
