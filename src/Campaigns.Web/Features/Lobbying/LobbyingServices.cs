using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Features.Lobbying.Admin;

namespace Campaigns.Web.Features.Lobbying;

public static class LobbyingServices
{
    public static IServiceCollection AddCampaignsLobbying(this IServiceCollection services)
    {
        services.AddScoped<ReadLobbyingPage>();
        services.AddScoped<FindRepresentatives>();
        services.AddScoped<TakeLobbyingAction>();
        services.AddScoped<ReadScorecard>();
        services.AddScoped<SaveLobbyingCampaign>();
        services.AddScoped<ReplaceStaleTarget>();
        services.AddScoped<IDemoDataSeeder, LobbyingSeeder>();
        return services;
    }
}
