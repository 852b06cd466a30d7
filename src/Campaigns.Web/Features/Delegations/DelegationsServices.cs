using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Infrastructure.Reminders;

namespace Campaigns.Web.Features.Delegations;

public static class DelegationsServices
{
    public static IServiceCollection AddCampaignsDelegations(this IServiceCollection services)
    {
        services.AddCampaignsReminders();
        services.AddReminderAudience<BriefingReminderAudience>();
        services.AddReminderAudience<CheckInReminderAudience>();
        services.AddReminderAudience<MissedCheckInAudience>();
        services.AddScoped<RosterCheckInLinks>();
        services.AddScoped<ConfirmRosterCheckIn>();
        services.AddScoped<ReadRosters>();
        services.AddScoped<SaveRoster>();
        services.AddScoped<RosterApplications>();
        services.AddScoped<BriefingEmails>();
        services.AddScoped<RosterDecisionEmails>();
        services.AddScoped<SendBriefing>();
        services.AddScoped<IDemoDataSeeder, DelegationsSeeder>();
        return services;
    }
}
