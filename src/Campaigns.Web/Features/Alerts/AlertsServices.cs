using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Features.Alerts.Admin;
using Campaigns.Web.Features.Alerts.Bounces;
using Campaigns.Web.Features.Alerts.Sending;
using Campaigns.Web.Features.Alerts.Subscribing;
using System.Threading.RateLimiting;
using Campaigns.Web.Features.Targets;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Alerts;

public static class AlertsServices
{
    /// <summary>Rate limit of "I acted" reports: only browsers that are new to us (no signed cookie, no personal link) are limited.</summary>
    public const string ActionReports = "alerts-action-reports";

    public static IServiceCollection AddCampaignsAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ActingBrowser>();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AlertsOptions>>((o, alerts) =>
            o.AddPolicy(ActionReports, context =>
            {
                // The rate limiter runs before authentication, so only the cookie and the link can tell a known person.
                var known = context.Request.Query["s"].ToString() is { Length: > 0 } token && context.RequestServices.GetRequiredService<AlertLinks>().ReadManage(token) is not null
                    || context.RequestServices.GetRequiredService<ActingBrowser>().Read(context) is not null;
                return known
                    ? RateLimitPartition.GetNoLimiter("known")
                    : RateLimitPartition.GetFixedWindowLimiter($"{ActionReports}:{context.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = alerts.Value.NewAnonymousReportersPerHour,
                        Window = TimeSpan.FromHours(1),
                        QueueLimit = 0,
                    });
            }));
        services.AddSingleton<AlertRateLimiter>();
        services.AddSingleton<AlertMailSessions>();
        services.AddScoped<AlertLinks>();
        services.AddScoped<AlertComposer>();
        services.AddScoped<ReadAlertContent>();
        services.AddScoped<Subscribe>();
        services.AddScoped<ManageSubscription>();
        services.AddScoped<ReadUrgentActionPage>();
        services.AddScoped<TakeAction>();
        services.AddScoped<PlanLetters>();
        services.AddScoped<LetterWriter>();
        services.AddScoped<SaveUrgentAction>();
        services.AddScoped<Admin.Topics.SaveTopic>();
        services.AddScoped<CreateAlertSend>();
        services.AddScoped<ResumeAlertSend>();
        services.AddScoped<ReadSendProgress>();
        services.AddScoped<ReadSendAudience>();
        services.AddScoped<SaveTarget>();
        services.AddScoped<SubscriberCsv>();
        services.AddScoped<SuppressAddress>();
        services.AddScoped<RecordBounce>();
        services.AddScoped<BounceMailboxJob>();
        services.AddScoped<PlanAlertSendJob>();
        services.AddScoped<SendAlertChunkJob>();
        services.AddScoped<ResumeAlertSendsJob>();
        services.AddScoped<ExpireUrgentActionsJob>();
        services.AddScoped<IDemoDataSeeder, AlertsSeeder>();
        return services;
    }
}
