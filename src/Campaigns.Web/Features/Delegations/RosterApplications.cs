using Campaigns.Web.Data;
using Campaigns.Web.Domain.Delegations;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Delegations;

public enum ApplyOutcome
{
    Applied,
    AlreadyApplied,
    Full,
    Closed,
    NotFound,
}

public enum DecisionOutcome
{
    Done,
    Full,
    NotFound,
}

/// <summary>
/// Volunteers apply for one role and withdraw; coordinators approve and decline. A role's approved count is claimed
/// with a conditional update inside the same transaction as the status change, so two coordinators approving the
/// last place at once cannot both succeed. The applicant's email is queued in that transaction too, and only when the
/// status really changed: a decision is never saved without its email, and a repeated POST emails nobody twice.
/// </summary>
public sealed class RosterApplications(
    CampaignsDbContext db, EmailQueue emails, RosterDecisionEmails decisionEmails, TimeProvider clock, ILogger<RosterApplications> logger)
{
    public async Task<ApplyOutcome> ApplyAsync(string slug, Guid roleId, Guid userId, CancellationToken cancellationToken)
    {
        var roster = await db.Rosters.AsNoTracking().Where(r => r.Slug == slug).Select(r => new { r.Id, r.Status }).SingleOrDefaultAsync(cancellationToken);
        if (roster is null)
        {
            return ApplyOutcome.NotFound;
        }

        if (roster.Status != RosterStatus.Open)
        {
            return ApplyOutcome.Closed;
        }

        var role = await db.RosterRoles.AsNoTracking().Where(r => r.Id == roleId && r.RosterId == roster.Id).Select(r => new { r.Approved, r.Needed }).SingleOrDefaultAsync(cancellationToken);
        if (role is null)
        {
            return ApplyOutcome.NotFound;
        }

        if (role.Approved >= role.Needed)
        {
            return ApplyOutcome.Full;
        }

        if (await db.RosterApplications.AnyAsync(a => a.RosterId == roster.Id && a.UserId == userId, cancellationToken))
        {
            return ApplyOutcome.AlreadyApplied;
        }

        var now = clock.GetUtcNow();
        db.RosterApplications.Add(new RosterApplication { Id = Guid.CreateVersion7(now), RosterId = roster.Id, RoleId = roleId, UserId = userId, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person twice at once: the unique index kept one.
            return ApplyOutcome.AlreadyApplied;
        }

        logger.LogInformation("Application to roster {RosterId} role {RoleId}", roster.Id, roleId);
        return ApplyOutcome.Applied;
    }

    public async Task WithdrawAsync(string slug, Guid userId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var application = await db.RosterApplications.AsNoTracking()
            .Where(a => a.UserId == userId && db.Rosters.Any(r => r.Id == a.RosterId && r.Slug == slug))
            .Select(a => new { a.Id, a.RoleId, a.Status }).SingleOrDefaultAsync(cancellationToken);
        if (application is null)
        {
            return;
        }

        if (await db.RosterApplications.Where(a => a.Id == application.Id).ExecuteDeleteAsync(cancellationToken) == 1
            && application.Status == ApplicationStatus.Approved)
        {
            await ReleaseAsync(application.RoleId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<DecisionOutcome> ApproveAsync(string slug, Guid applicationId, CancellationToken cancellationToken)
    {
        var application = await FindAsync(slug, applicationId, cancellationToken);
        if (application is null)
        {
            return DecisionOutcome.NotFound;
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.RosterApplications.Where(a => a.Id == applicationId && a.Status != ApplicationStatus.Approved)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, ApplicationStatus.Approved).SetProperty(a => a.DecidedAt, now), cancellationToken);
        if (changed == 0)
        {
            return DecisionOutcome.Done;
        }

        var claimed = await db.RosterRoles.Where(r => r.Id == application.RoleId && r.Approved < r.Needed)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Approved, r => r.Approved + 1), cancellationToken);
        if (claimed == 0)
        {
            // Leaving without commit rolls the status change back.
            return DecisionOutcome.Full;
        }

        await emails.QueueAsync(await decisionEmails.ComposeAsync(applicationId, approved: true, cancellationToken), "roster-approved", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        emails.EnqueuePending();
        logger.LogInformation("Application {ApplicationId} approved", applicationId);
        return DecisionOutcome.Done;
    }

    public async Task<DecisionOutcome> DeclineAsync(string slug, Guid applicationId, CancellationToken cancellationToken)
    {
        var application = await FindAsync(slug, applicationId, cancellationToken);
        if (application is null)
        {
            return DecisionOutcome.NotFound;
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var wasApproved = await db.RosterApplications.Where(a => a.Id == applicationId && a.Status == ApplicationStatus.Approved)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, ApplicationStatus.Declined).SetProperty(a => a.DecidedAt, now), cancellationToken);
        var changed = wasApproved;
        if (wasApproved == 1)
        {
            await ReleaseAsync(application.RoleId, cancellationToken);
        }
        else
        {
            changed = await db.RosterApplications.Where(a => a.Id == applicationId && a.Status == ApplicationStatus.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, ApplicationStatus.Declined).SetProperty(a => a.DecidedAt, now), cancellationToken);
        }

        if (changed == 1)
        {
            await emails.QueueAsync(await decisionEmails.ComposeAsync(applicationId, approved: false, cancellationToken), "roster-declined", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        emails.EnqueuePending();
        if (changed == 1)
        {
            logger.LogInformation("Application {ApplicationId} declined", applicationId);
        }

        return DecisionOutcome.Done;
    }

    private Task<int> ReleaseAsync(Guid roleId, CancellationToken cancellationToken) =>
        db.RosterRoles.Where(r => r.Id == roleId && r.Approved > 0)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Approved, r => r.Approved - 1), cancellationToken);

    private Task<RosterApplication?> FindAsync(string slug, Guid applicationId, CancellationToken cancellationToken) =>
        db.RosterApplications.AsNoTracking()
            .Where(a => a.Id == applicationId && db.Rosters.Any(r => r.Id == a.RosterId && r.Slug == slug))
            .SingleOrDefaultAsync(cancellationToken);
}
