using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Programmes;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Campaigns.Web.Data;

/// <summary>
/// The one context. Each provider has a subclass only so that it can own its migrations
/// (see docs/adr/0002-database-providers-and-migrations-per-provider.md); the model is defined here once.
/// </summary>
public class CampaignsDbContext(DbContextOptions options)
    : IdentityDbContext<CampaignsUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<PartnerOrganisation> Partners => Set<PartnerOrganisation>();

    public DbSet<PartnerContact> PartnerContacts => Set<PartnerContact>();

    public DbSet<SpeakerTour> Tours => Set<SpeakerTour>();

    public DbSet<AidDrive> AidDrives => Set<AidDrive>();

    public DbSet<AssistanceRequest> AssistanceRequests => Set<AssistanceRequest>();

    public DbSet<UrgentAction> UrgentActions => Set<UrgentAction>();

    public DbSet<QueuedEmail> QueuedEmails => Set<QueuedEmail>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Donation> Donations => Set<Donation>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<StripeWebhookEvent> StripeWebhookEvents => Set<StripeWebhookEvent>();

    public DbSet<NeedItem> NeedItems => Set<NeedItem>();

    public DbSet<GoodsPledge> GoodsPledges => Set<GoodsPledge>();

    public DbSet<Shipment> Shipments => Set<Shipment>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CampaignsDbContext).Assembly);
    }
}

public sealed class SqliteCampaignsDbContext(DbContextOptions<SqliteCampaignsDbContext> options)
    : CampaignsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite cannot order or compare DateTimeOffset; UTC ticks keep queries the same on both providers.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresCampaignsDbContext(DbContextOptions<PostgresCampaignsDbContext> options)
    : CampaignsDbContext(options);
