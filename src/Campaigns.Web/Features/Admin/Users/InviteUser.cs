using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Domain.Security;
using Campaigns.Web.Infrastructure.Security;
using Campaigns.Web.Features.Accounts;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Admin.Users;

public sealed class InviteUserForm
{
    [Required(ErrorMessage = "Enter a name.")]
    [StringLength(200)]
    [Display(Name = "Name")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Enter an email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Display(Name = "Roles")]
    public List<string> Roles { get; set; } = [];

    [Display(Name = "Partner organisation")]
    public Guid? PartnerOrganisationId { get; set; }
}

/// <summary>
/// An Admin invites someone by email: an account without a password, and a link to choose one. A partner for the
/// account must have been authorised (<see cref="Policies.ChangePartner"/>) by the caller; it is audited.
/// </summary>
public sealed class InviteUser(UserManager<CampaignsUser> users, CampaignsDbContext db, SendAccountEmail accountEmail, EmailQueue emails, NeedToKnow audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>> HandleAsync(InviteUserForm form, ClaimsPrincipal by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = RoleErrors(form.Roles, form.PartnerOrganisationId).ToList();
        if (form.PartnerOrganisationId is { } partnerId && !await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            errors.Add("The partner organisation does not exist.");
        }

        if (await users.FindByEmailAsync(form.Email) is not null)
        {
            errors.Add("An account with this email address already exists.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var user = new CampaignsUser
        {
            Id = Guid.CreateVersion7(),
            UserName = form.Email,
            Email = form.Email,
            DisplayName = form.DisplayName.Trim(),
            PartnerOrganisationId = form.PartnerOrganisationId,
            CreatedAt = clock.GetUtcNow(),
        };

        // One transaction: no account is left behind without its roles or its invitation email.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (form.PartnerOrganisationId is not null)
        {
            audit.AddAudit(by, AuditActions.Move, AuditRecords.User, user.Id, new PartnerChange(null, form.PartnerOrganisationId).Detail);
        }

        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return created.Errors.Select(e => e.Description).ToList();
        }

        await users.AddToRolesAsync(user, form.Roles.Distinct());
        await accountEmail.InvitationAsync(user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        emails.EnqueuePending();
        return [];
    }

    /// <summary>Rules shared with role changes: known roles only, and a Partner speaks for exactly one organisation.</summary>
    internal static IEnumerable<string> RoleErrors(IReadOnlyCollection<string> roles, Guid? partnerOrganisationId)
    {
        if (roles.Count == 0)
        {
            yield return "Choose at least one role.";
        }

        if (roles.Any(r => !Domain.Identity.Roles.All.Contains(r)))
        {
            yield return "Unknown role.";
        }

        if (roles.Contains(Domain.Identity.Roles.Partner) && partnerOrganisationId is null)
        {
            yield return "A Partner user must belong to a partner organisation.";
        }
    }
}
