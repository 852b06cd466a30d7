using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Features.Coalitions.Admin;

namespace Campaigns.Web.Features.Coalitions;

public static class CoalitionsServices
{
    public static IServiceCollection AddCampaignsCoalitions(this IServiceCollection services)
    {
        services.AddScoped<CoalitionLinks>();
        services.AddScoped<ReadCoalitionPage>();
        services.AddScoped<SignPointsOfUnity>();
        services.AddScoped<ReadJointAction>();
        services.AddScoped<JoinJointAction>();
        services.AddScoped<FindCoSponsor>();
        services.AddScoped<SaveCoalition>();
        services.AddScoped<PublishPointsVersion>();
        services.AddScoped<SaveJointAction>();
        services.AddScoped<IDemoDataSeeder, CoalitionsSeeder>();
        return services;
    }
}
