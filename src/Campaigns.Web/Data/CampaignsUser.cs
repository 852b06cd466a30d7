using Microsoft.AspNetCore.Identity;

namespace Campaigns.Web.Data;

public sealed class CampaignsUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>Set for Partner-role users: the organisation they speak for.</summary>
    public Guid? PartnerOrganisationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The language the person uses the site in (en, es, fr): emails sent by jobs, not requests, use it.</summary>
    public string Culture { get; set; } = "en";

    /// <summary>The IANA time zone the person enters and reads times in; null for the organisation's (Campaigns:TimeZone).</summary>
    public string? TimeZone { get; set; }

    /// <summary>
    /// Set when an Admin, or the person from a security email, froze the account: sessions are revoked and sign-in
    /// is refused until an Admin unfreezes it. Unlike a lockout, a password reset does not lift it.
    /// </summary>
    public DateTimeOffset? FrozenAt { get; set; }
}
