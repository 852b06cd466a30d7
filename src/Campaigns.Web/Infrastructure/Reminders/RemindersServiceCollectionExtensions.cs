using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Campaigns.Web.Infrastructure.Reminders;

public static class RemindersServiceCollectionExtensions
{
    /// <summary>
    /// The engine itself. Each programme calls this (it is safe to call more than once) and registers its
    /// audiences with <see cref="AddReminderAudience{T}"/>.
    /// </summary>
    public static IServiceCollection AddCampaignsReminders(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ReminderAudiences)))
        {
            return services;
        }

        services.AddOptions<RemindersOptions>().BindConfiguration(RemindersOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddScoped<ReminderAudiences>();
        services.TryAddScoped<DueRemindersJob>();
        services.TryAddScoped<SendRemindersJob>();
        return services;
    }

    public static IServiceCollection AddReminderAudience<T>(this IServiceCollection services)
        where T : class, IReminderAudience
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IReminderAudience, T>());
        return services;
    }
}
