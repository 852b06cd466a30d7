using System.Security.Claims;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Security;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Admin.Access;

public sealed class GrantForm
{
    public Guid UserId { get; set; }

    /// <summary>"partner:{id}" or "case:{id}", from one select listing both.</summary>
    public string? Record { get; set; }
}

/// <summary>Gives or takes need-to-know. Both are written to the audit log, with the user concerned in the detail.</summary>
public sealed class GrantAccess(CampaignsDbContext db, NeedToKnow audit, TimeProvider clock)
{
    public static bool TryParseRecord(string? value, out AccessScope scope, out Guid recordId)
    {
        (scope, recordId) = (AccessScope.Partner, Guid.Empty);
        var parts = (value ?? "").Split(':', 2);
        if (parts.Length != 2 || !Guid.TryParse(parts[1], out recordId))
        {
            return false;
        }

        scope = parts[0] switch { "partner" => AccessScope.Partner, "case" => AccessScope.UrgentAction, _ => (AccessScope)(-1) };
        return Enum.IsDefined(scope);
    }

    /// <returns>An error message key, or null when the grant exists afterwards.</returns>
    public async Task<string?> GrantAsync(ClaimsPrincipal by, Guid userId, AccessScope scope, Guid recordId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            return "The user does not exist.";
        }

        var exists = scope == AccessScope.Partner
            ? await db.Partners.AnyAsync(p => p.Id == recordId, cancellationToken)
            : await db.UrgentActions.AnyAsync(a => a.Id == recordId, cancellationToken);
        if (!exists)
        {
            return "The record does not exist.";
        }

        if (await db.AccessGrants.AnyAsync(g => g.UserId == userId && g.Scope == scope && g.RecordId == recordId, cancellationToken))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        db.AccessGrants.Add(new AccessGrant
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Scope = scope,
            RecordId = recordId,
            GrantedAt = now,
            GrantedBy = NeedToKnow.UserId(by) ?? Guid.Empty,
        });
        try
        {
            // Saved together with the audit line: a grant never exists without its trail.
            await audit.AuditAsync(by, AuditActions.Grant, RecordType(scope), recordId, $"user {userId}", cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another admin granted the same at the same moment: the unique index kept one, which is the wish.
            db.ChangeTracker.Clear();
        }

        return null;
    }

    public async Task<bool> RevokeAsync(ClaimsPrincipal by, Guid grantId, CancellationToken cancellationToken)
    {
        var grant = await db.AccessGrants.SingleOrDefaultAsync(g => g.Id == grantId, cancellationToken);
        if (grant is null)
        {
            return false;
        }

        db.AccessGrants.Remove(grant);
        await audit.AuditAsync(by, AuditActions.Revoke, RecordType(grant.Scope), grant.RecordId, $"user {grant.UserId}", cancellationToken);
        return true;
    }

    public static string RecordType(AccessScope scope) => scope == AccessScope.Partner ? AuditRecords.Partner : AuditRecords.UrgentAction;
}
