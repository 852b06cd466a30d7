using System.Security.Claims;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Security;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace Campaigns.Web.Features.Admin.Users;

public sealed class SetUserRolesForm
{
    public List<string> Roles { get; set; } = [];

    public Guid? PartnerOrganisationId { get; set; }
}

/// <summary>
/// An Admin sets a user's roles and the partner a Partner user speaks for. A change of partner must have been
/// authorised (<see cref="Policies.ChangePartner"/>) by the caller; it is written to the audit log with the change.
/// </summary>
public sealed class SetUserRoles(UserManager<CampaignsUser> users, CampaignsDbContext db, NeedToKnow audit)
{
    public async Task<IReadOnlyList<string>> HandleAsync(Guid userId, ClaimsPrincipal by, SetUserRolesForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var actingUserId = NeedToKnow.UserId(by);
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return ["The user does not exist."];
        }

        var errors = InviteUser.RoleErrors(form.Roles, form.PartnerOrganisationId).ToList();
        if (userId == actingUserId && !form.Roles.Contains(Domain.Identity.Roles.Admin))
        {
            // Otherwise the last Admin could lock everyone out of administration with one click.
            errors.Add("You cannot remove your own Admin role.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(form.Roles));
        await users.AddToRolesAsync(user, form.Roles.Except(current).Distinct());
        var move = new PartnerChange(user.PartnerOrganisationId, form.PartnerOrganisationId);
        if (move.IsChange)
        {
            audit.AddAudit(by, AuditActions.Move, AuditRecords.User, user.Id, move.Detail);
        }

        user.PartnerOrganisationId = form.PartnerOrganisationId;
        await users.UpdateAsync(user);

        // Role changes take effect at once, not at the next cookie refresh.
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }
}
