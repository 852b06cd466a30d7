using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Features.Admin.Audit;
using Campaigns.Web.Infrastructure.Security;

namespace Campaigns.Web.Features.Admin.Access;

public static class AccessServices
{
    public static IServiceCollection AddCampaignsAccess(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<NeedToKnow>();
        services.AddScoped<GrantAccess>();
        services.AddScoped<ReadAuditLog>();
        services.AddScoped<IDemoDataSeeder, AccessSeeder>();
        return services;
    }
}
