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

    public DbSet<Domain.Alerts.SoftBounce> SoftBounces => Set<Domain.Alerts.SoftBounce>();

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
    public DbSet<Domain.Security.AccessGrant> AccessGrants => Set<Domain.Security.AccessGrant>();

    /// <summary>Append-only: add rows, never update or delete them (a trigger refuses it).</summary>
    public DbSet<Domain.Security.AuditEntry> AuditEntries => Set<Domain.Security.AuditEntry>();
    public DbSet<Domain.Targets.District> Districts => Set<Domain.Targets.District>();

    public DbSet<Domain.Coalitions.Coalition> Coalitions => Set<Domain.Coalitions.Coalition>();

    public DbSet<Domain.Coalitions.PointsOfUnityVersion> PointsOfUnityVersions => Set<Domain.Coalitions.PointsOfUnityVersion>();

    public DbSet<Domain.Coalitions.CoalitionMember> CoalitionMembers => Set<Domain.Coalitions.CoalitionMember>();

    public DbSet<Domain.Coalitions.Endorsement> Endorsements => Set<Domain.Coalitions.Endorsement>();

    public DbSet<Domain.Coalitions.JointAction> JointActions => Set<Domain.Coalitions.JointAction>();

    public DbSet<Domain.Coalitions.JointActionSponsor> JointActionSponsors => Set<Domain.Coalitions.JointActionSponsor>();

    public DbSet<Domain.Coalitions.JointActionSupporter> JointActionSupporters => Set<Domain.Coalitions.JointActionSupporter>();

    public DbSet<Domain.Lobbying.LobbyingCampaign> LobbyingCampaigns => Set<Domain.Lobbying.LobbyingCampaign>();

    public DbSet<Domain.Lobbying.LobbyingCampaignTarget> LobbyingCampaignTargets => Set<Domain.Lobbying.LobbyingCampaignTarget>();

    public DbSet<Domain.Lobbying.LobbyingLetter> LobbyingLetters => Set<Domain.Lobbying.LobbyingLetter>();

    public DbSet<Domain.Lobbying.LobbyingMoment> LobbyingMoments => Set<Domain.Lobbying.LobbyingMoment>();

    public DbSet<Domain.Lobbying.LobbyingContact> LobbyingContacts => Set<Domain.Lobbying.LobbyingContact>();

    public DbSet<Domain.Delegations.Roster> Rosters => Set<Domain.Delegations.Roster>();

    public DbSet<Domain.Delegations.RosterRole> RosterRoles => Set<Domain.Delegations.RosterRole>();

    public DbSet<Domain.Delegations.RosterApplication> RosterApplications => Set<Domain.Delegations.RosterApplication>();

    public DbSet<Domain.Delegations.RosterDay> RosterDays => Set<Domain.Delegations.RosterDay>();

    public DbSet<Domain.Delegations.RosterCheckIn> RosterCheckIns => Set<Domain.Delegations.RosterCheckIn>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CampaignsDbContext).Assembly);
        Infrastructure.Protection.ProtectedFields.Apply(builder, Infrastructure.Protection.ProtectedFields.CipherOf(this));
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
