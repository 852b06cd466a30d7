using System.Security.Claims;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Infrastructure.Security;

/// <summary>
/// Who may read protected fields, on top of roles: a Partner-role user for its own organisation; anyone else only
/// with an explicit grant (Admins too: they may grant themselves, and that grant is audited like any other). Records
/// that belong to no partner organisation cannot be granted, so only Admins read theirs. Every positive answer that a
/// page then shows is written to the audit log with <see cref="AuditViewAsync"/>.
/// </summary>
public sealed class NeedToKnow(CampaignsDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public async Task<bool> CanSeePartnerAsync(ClaimsPrincipal user, Guid? partnerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (UserId(user) is not { } userId)
        {
            return false;
        }

        if (partnerId is null)
        {
            return user.IsInRole(Roles.Admin);
        }

        if (user.IsInRole(Roles.Partner) && await db.Users.AnyAsync(u => u.Id == userId && u.PartnerOrganisationId == partnerId, cancellationToken))
        {
            return true;
        }

        return await db.AccessGrants.AnyAsync(g => g.UserId == userId && g.Scope == AccessScope.Partner && g.RecordId == partnerId, cancellationToken);
    }

    /// <summary>A case is open to a grant on the case itself or on the partner that brought it.</summary>
    public async Task<bool> CanSeeUrgentActionAsync(ClaimsPrincipal user, Guid actionId, Guid? partnerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (UserId(user) is not { } userId)
        {
            return false;
        }

        if (await db.AccessGrants.AnyAsync(g => g.UserId == userId && g.Scope == AccessScope.UrgentAction && g.RecordId == actionId, cancellationToken))
        {
            return true;
        }

        return partnerId is not null && await CanSeePartnerAsync(user, partnerId, cancellationToken);
    }

    /// <summary>Writes one audit line for a protected record shown to this user.</summary>
    public Task AuditViewAsync(ClaimsPrincipal user, string recordType, Guid recordId, CancellationToken cancellationToken) =>
        AuditAsync(user, AuditActions.View, recordType, recordId, null, cancellationToken);

    public async Task AuditAsync(ClaimsPrincipal user, string action, string recordType, Guid recordId, string? detail, CancellationToken cancellationToken)
    {
        AddAudit(user, action, recordType, recordId, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds the audit line without saving, so it commits with the change it describes or not at all.</summary>
    public void AddAudit(ClaimsPrincipal user, string action, string recordType, Guid recordId, string? detail)
    {
        var now = clock.GetUtcNow();
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            At = now,
            UserId = UserId(user),
            Action = action,
            RecordType = recordType,
            RecordId = recordId,
            Detail = detail,
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
    }
}
