using Campaigns.Web.Features.Privacy.Retention;

namespace Campaigns.Web.Features.Privacy;

public static class PrivacyServices
{
    public static IServiceCollection AddCampaignsPrivacy(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PrivacyLinks>();
        services.AddScoped<PersonalData>();
        services.AddScoped<RequestPrivacyLink>();
        services.AddScoped<RequestErasure>();
        services.AddScoped<ErasureJob>();
        services.AddScoped<PurgeExpiredDataJob>();
        return services;
    }
}
