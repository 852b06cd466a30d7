using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Features.Alerts.Admin;
using Campaigns.Web.Features.Alerts.Sending;
using Campaigns.Web.Features.Alerts.Subscribing;
using Campaigns.Web.Features.Targets;

namespace Campaigns.Web.Features.Alerts;

public static class AlertsServices
{
    public static IServiceCollection AddCampaignsAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AlertRateLimiter>();
        services.AddSingleton<AlertMailSessions>();
        services.AddScoped<AlertLinks>();
        services.AddScoped<AlertComposer>();
        services.AddScoped<ReadAlertContent>();
        services.AddScoped<Subscribe>();
        services.AddScoped<ManageSubscription>();
        services.AddScoped<ReadUrgentActionPage>();
        services.AddScoped<TakeAction>();
        services.AddScoped<SaveUrgentAction>();
        services.AddScoped<Admin.Topics.SaveTopic>();
        services.AddScoped<CreateAlertSend>();
        services.AddScoped<ResumeAlertSend>();
        services.AddScoped<ReadSendProgress>();
        services.AddScoped<ReadSendAudience>();
        services.AddScoped<SaveTarget>();
        services.AddScoped<SubscriberCsv>();
        services.AddScoped<SuppressAddress>();
        services.AddScoped<PlanAlertSendJob>();
        services.AddScoped<SendAlertChunkJob>();
        services.AddScoped<ResumeAlertSendsJob>();
        services.AddScoped<ExpireUrgentActionsJob>();
        services.AddScoped<IDemoDataSeeder, AlertsSeeder>();
        return services;
    }
}
