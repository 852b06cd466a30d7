using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Features.Assistance.CheckIns;
using Campaigns.Web.Infrastructure.Reminders;

namespace Campaigns.Web.Features.Assistance;

public static class AssistanceServices
{
    public static IServiceCollection AddCampaignsAssistance(this IServiceCollection services)
    {
        services.AddScoped<PartnerAccess>();
        services.AddScoped<AssistanceNotices>();
        services.AddScoped<ReadAssistance>();
        services.AddScoped<SaveAssistanceRequest>();
        services.AddScoped<ChangeRequestStatus>();
        services.AddScoped<SaveVolunteerProfile>();
        services.AddScoped<SetBackgroundCheck>();
        services.AddScoped<OfferAssistance>();
        services.AddScoped<MoveDeployment>();
        services.AddScoped<CloseDeployment>();
        services.AddScoped<FindMatches>();
        services.AddScoped<CheckInLinks>();
        services.AddScoped<ScheduleCheckIns>();
        services.AddScoped<ConfirmCheckIn>();
        services.AddCampaignsReminders();
        services.AddReminderAudience<CheckInRequestAudience>();
        services.AddReminderAudience<MissedCheckInAudience>();
        services.AddScoped<IDemoDataSeeder, AssistanceSeeder>();
        return services;
    }
}
