namespace Campaigns.Web.Domain.Security;

/// <summary>What a need-to-know grant opens: everything protected of one partner organisation, or of one case.</summary>
public enum AccessScope
{
    /// <summary>The partner's contacts, its speakers' contact details and its requests' safety notes.</summary>
    Partner = 0,

    /// <summary>One urgent action's protected details (the case).</summary>
    UrgentAction = 1,
}

/// <summary>
/// A staff member's explicit need-to-know on top of their role. Roles say what someone does; a grant says whose
/// protected details they may read. Given and revoked by an Admin, both written to the audit log.
/// </summary>
public sealed class AccessGrant
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public AccessScope Scope { get; set; }

    /// <summary>The partner organisation's or the urgent action's id, by <see cref="Scope"/>.</summary>
    public Guid RecordId { get; set; }

    public DateTimeOffset GrantedAt { get; set; }

    public Guid GrantedBy { get; set; }
}
