using Campaigns.Web.Data;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Domain.Privacy;
using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Privacy;

/// <summary>
/// Records a confirmed request to be forgotten and hands it to <see cref="ErasureJob"/>. Asking again while one is
/// under way reuses it. Staff accounts are refused here: their records (who approved, who recorded a gift) belong to
/// the organisation, and an Admin closes such an account.
/// </summary>
public sealed class RequestErasure(CampaignsDbContext db, IDataProtectionProvider protection, IBackgroundJobClient jobs, TimeProvider clock, ILogger<RequestErasure> logger)
{
    public const string ProtectorPurpose = "Campaigns.Privacy.Erasure.v1";

    private static readonly string[] StaffRoles = [Roles.Admin, Roles.Coordinator, Roles.Partner];

    public async Task<ErasureOutcome> HandleAsync(string email, string culture, CancellationToken cancellationToken)
    {
        var address = PrivacyLinks.Normalise(email);
        var upper = address.ToUpperInvariant();
        var isStaff = await db.Users.Where(u => u.NormalizedEmail == upper)
            .Join(db.UserRoles, u => u.Id, ur => ur.UserId, (_, ur) => ur.RoleId)
            .Join(db.Roles, id => id, r => r.Id, (_, r) => r.Name)
            .AnyAsync(name => StaffRoles.Contains(name!), cancellationToken);
        if (isStaff)
        {
            return ErasureOutcome.StaffAccount;
        }

        var hash = ErasureRecord.HashOf(address);
        var record = await db.ErasureRecords.Where(r => r.EmailHash == hash && r.ProtectedEmail != null).OrderBy(r => r.RequestedAt).FirstOrDefaultAsync(cancellationToken);
        if (record is null)
        {
            var now = clock.GetUtcNow();
            record = new ErasureRecord
            {
                Id = Guid.CreateVersion7(now),
                EmailHash = hash,
                ProtectedEmail = protection.CreateProtector(ProtectorPurpose).Protect(address),
                Culture = culture,
                RequestedAt = now,
            };
            db.ErasureRecords.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }

        var id = record.Id;
        jobs.Enqueue<ErasureJob>(job => job.RunAsync(id, CancellationToken.None));
        logger.LogInformation("Erasure {ErasureId} requested", id);
        return ErasureOutcome.Started;
    }
}

public enum ErasureOutcome
{
    Started,
    StaffAccount,
}
