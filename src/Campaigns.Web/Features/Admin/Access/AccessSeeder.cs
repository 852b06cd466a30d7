using Campaigns.Web.Data;
using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Admin.Access;

/// <summary>
/// Demo data only: the Admins get need-to-know of every seeded partner and case, so a fresh demo shows what protected
/// details look like. Each grant is audited, as if the Admin had granted it. Idempotent by the grant's natural key.
/// </summary>
public sealed class AccessSeeder(CampaignsDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    public async Task SeedAsync(string folder, CancellationToken cancellationToken)
    {
        var adminRole = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        var admins = await db.UserRoles.Where(ur => ur.RoleId == adminRole).Select(ur => ur.UserId).ToListAsync(cancellationToken);
        var records = (await db.Partners.Select(p => p.Id).ToListAsync(cancellationToken)).Select(id => (AccessScope.Partner, id))
            .Concat((await db.UrgentActions.Select(a => a.Id).ToListAsync(cancellationToken)).Select(id => (AccessScope.UrgentAction, id)))
            .ToList();
        var existing = (await db.AccessGrants.Where(g => admins.Contains(g.UserId)).Select(g => new { g.UserId, g.Scope, g.RecordId }).ToListAsync(cancellationToken))
            .Select(g => (g.UserId, g.Scope, g.RecordId)).ToHashSet();
        var now = clock.GetUtcNow();
        foreach (var admin in admins)
        {
            foreach (var (scope, id) in records.Where(r => !existing.Contains((admin, r.Item1, r.id))))
            {
                db.AccessGrants.Add(new AccessGrant { Id = Guid.CreateVersion7(now), UserId = admin, Scope = scope, RecordId = id, GrantedAt = now, GrantedBy = admin });
                db.AuditEntries.Add(new AuditEntry
                {
                    Id = Guid.CreateVersion7(now),
                    At = now,
                    UserId = admin,
                    Action = AuditActions.Grant,
                    RecordType = GrantAccess.RecordType(scope),
                    RecordId = id,
                    Detail = $"user {admin} (demo data)",
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
