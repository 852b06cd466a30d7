using System.ComponentModel.DataAnnotations;

namespace Campaigns.Web.Infrastructure.Hosting;

public sealed class CampaignsOptions
{
    public const string Section = "Campaigns";

    [Required]
    public string OrganisationName { get; set; } = "Campaigns";

    /// <summary>Where people reach this site; links in emails are made from it.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>Web serves pages, Worker runs jobs, All does both (one process on one machine).</summary>
    public ProcessRole Role { get; set; } = ProcessRole.All;

    /// <summary>
    /// When set, each response says which node served it (X-Campaigns-Node), for checking a load balancer.
    /// Empty by default: host names are nobody else's business.
    /// </summary>
    public string? NodeName { get; set; }

    /// <summary>
    /// Proxies (nginx, an ingress) whose X-Forwarded-For/-Proto headers are believed, as IP networks in CIDR form,
    /// comma-separated, e.g. "10.0.0.0/8". Loopback is always trusted. Without it, a consent record would log the
    /// proxy's address instead of the person's.
    /// </summary>
    public string? TrustedNetworks { get; set; }

    /// <summary>Load seeds/ on start. On for the embedded default, off in production.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>
    /// The IANA time zone (e.g. Europe/Madrid) staff enter and read times in until they choose their own under
    /// Account. Stored times are UTC either way.
    /// </summary>
    [Required, IanaTimeZone]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The first administrator, created with a generated password when no Admin exists.</summary>
    [Required, EmailAddress]
    public string AdminEmail { get; set; } = "admin@campaigns.localhost";
}

public enum ProcessRole
{
    All,
    Web,
    Worker,
}

/// <summary>An IANA time zone id this machine knows ("Europe/Madrid", "America/Guatemala", "UTC").</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class IanaTimeZoneAttribute : ValidationAttribute
{
    public IanaTimeZoneAttribute()
        : base("is not a time zone this machine knows; use an IANA name such as Europe/Madrid or UTC.")
    {
    }

    public override bool IsValid(object? value) =>
        value is null || (value is string id && Domain.Tours.TimeZones.Find(id) is not null);
}
