using Campaigns.Web.Infrastructure.Hosting;

namespace Campaigns.Web.Infrastructure.Protection;

public static class ProtectionServices
{
    /// <summary>Loads the keys now, so a missing or malformed key stops start with one line naming the setting.</summary>
    public static IServiceCollection AddCampaignsProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = services.AddValidatedOptions<ProtectionOptions>(configuration, ProtectionOptions.Section);
        services.AddSingleton(ProtectionKeyRing.Load(options, environment));
        services.AddScoped<ReencryptProtectedFieldsJob>();
        return services;
    }
}
