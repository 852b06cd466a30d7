namespace Campaigns.Web.Domain.Security;

/// <summary>
/// One line of the append-only audit log: who saw or changed access to which protected record, when and from where.
/// Nothing in the code updates or deletes these, and a database trigger refuses it (see the Protected migration).
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>No foreign key: the trail must outlive the account.</summary>
    public Guid? UserId { get; set; }

    /// <summary>What happened, e.g. "view", "view-edit", "grant", "revoke".</summary>
    public required string Action { get; set; }

    /// <summary>e.g. "partner", "urgent-action", "speaker", "assistance-request", "access-grant".</summary>
    public required string RecordType { get; set; }

    public Guid RecordId { get; set; }

    public string? Detail { get; set; }

    public string? IpAddress { get; set; }
}

public static class AuditActions
{
    public const string View = "view";
    public const string Edit = "edit";
    public const string Grant = "grant";
    public const string Revoke = "revoke";

    /// <summary>A protected record (or a partner user) now belongs to another partner organisation.</summary>
    public const string Move = "move";
}

public static class AuditRecords
{
    public const string Partner = "partner";
    public const string UrgentAction = "urgent-action";
    public const string Speaker = "speaker";
    public const string AssistanceRequest = "assistance-request";
    public const string User = "user";
}
