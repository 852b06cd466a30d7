using Microsoft.AspNetCore.Identity;

namespace Campaigns.Web.Data;

public sealed class CampaignsUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>Set for Partner-role users: the organisation they speak for.</summary>
    public Guid? PartnerOrganisationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
