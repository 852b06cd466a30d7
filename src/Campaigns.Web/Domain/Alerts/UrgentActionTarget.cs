namespace Campaigns.Web.Domain.Alerts;

/// <summary>A person or body an urgent action asks activists to write to or call.</summary>
public sealed class UrgentActionTarget
{
    public Guid UrgentActionId { get; set; }

    public Guid TargetId { get; set; }
}
