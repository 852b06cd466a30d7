using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Features.Library.Admin;

namespace Campaigns.Web.Features.Library;

public static class LibraryServices
{
    public static IServiceCollection AddCampaignsLibrary(this IServiceCollection services)
    {
        services.AddOptions<LibraryOptions>().BindConfiguration(LibraryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LibraryFiles>();
        services.AddScoped<SearchLibrary>();
        services.AddScoped<SaveLibraryItem>();
        services.AddScoped<IDemoDataSeeder, LibrarySeeder>();
        return services;
    }
}
