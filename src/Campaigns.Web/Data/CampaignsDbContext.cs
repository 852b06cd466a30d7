using Campaigns.Web.Domain.Library;
using Campaigns.Web.Domain.Assistance;
using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Infrastructure.Reminders;
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

    public DbSet<ReminderRule> ReminderRules => Set<ReminderRule>();

    public DbSet<ReminderDelivery> ReminderDeliveries => Set<ReminderDelivery>();

    public DbSet<Speaker> Speakers => Set<Speaker>();

    public DbSet<TourStop> TourStops => Set<TourStop>();

    public DbSet<Rsvp> Rsvps => Set<Rsvp>();

    public DbSet<StopShift> StopShifts => Set<StopShift>();

    public DbSet<ShiftSignup> ShiftSignups => Set<ShiftSignup>();

    public DbSet<EventInvitationPreference> EventInvitationPreferences => Set<EventInvitationPreference>();

    public DbSet<LibraryItem> LibraryItems => Set<LibraryItem>();
    public DbSet<Domain.Targets.Target> Targets => Set<Domain.Targets.Target>();

    public DbSet<Domain.Alerts.AlertSubscriber> AlertSubscribers => Set<Domain.Alerts.AlertSubscriber>();

    public DbSet<Domain.Alerts.SuppressedAddress> SuppressedAddresses => Set<Domain.Alerts.SuppressedAddress>();

    public DbSet<Domain.Alerts.AlertTopic> AlertTopics => Set<Domain.Alerts.AlertTopic>();

    public DbSet<Domain.Alerts.UrgentActionVersion> UrgentActionVersions => Set<Domain.Alerts.UrgentActionVersion>();

    public DbSet<Domain.Alerts.UrgentActionTarget> UrgentActionTargets => Set<Domain.Alerts.UrgentActionTarget>();

    public DbSet<Domain.Alerts.AlertSend> AlertSends => Set<Domain.Alerts.AlertSend>();

    public DbSet<Domain.Alerts.AlertDelivery> AlertDeliveries => Set<Domain.Alerts.AlertDelivery>();

    public DbSet<Domain.Alerts.ActionTaken> ActionsTaken => Set<Domain.Alerts.ActionTaken>();

    public DbSet<Domain.Alerts.AlertOutcome> AlertOutcomes => Set<Domain.Alerts.AlertOutcome>();
    public DbSet<SkillCategory> SkillCategories => Set<SkillCategory>();

    public DbSet<Skill> Skills => Set<Skill>();

    public DbSet<VolunteerProfile> VolunteerProfiles => Set<VolunteerProfile>();

    public DbSet<VolunteerSkill> VolunteerSkills => Set<VolunteerSkill>();

    public DbSet<VolunteerLanguage> VolunteerLanguages => Set<VolunteerLanguage>();

    public DbSet<AvailabilityWindow> AvailabilityWindows => Set<AvailabilityWindow>();

    public DbSet<Deployment> Deployments => Set<Deployment>();

    public DbSet<CheckInSchedule> CheckInSchedules => Set<CheckInSchedule>();

    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<Donation> Donations => Set<Donation>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<StripeWebhookEvent> StripeWebhookEvents => Set<StripeWebhookEvent>();

    public DbSet<NeedItem> NeedItems => Set<NeedItem>();

    public DbSet<GoodsPledge> GoodsPledges => Set<GoodsPledge>();

    public DbSet<Shipment> Shipments => Set<Shipment>();

    public DbSet<Domain.Privacy.ErasureRecord> ErasureRecords => Set<Domain.Privacy.ErasureRecord>();

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
