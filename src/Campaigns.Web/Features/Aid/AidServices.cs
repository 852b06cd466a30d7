using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Features.Aid.Admin;
using Campaigns.Web.Features.Aid.Payments;
using Campaigns.Web.Infrastructure.Payments;

namespace Campaigns.Web.Features.Aid;

public static class AidServices
{
    public static IServiceCollection AddCampaignsAid(this IServiceCollection services)
    {
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StripeClients>();
        services.AddScoped<ReadDrive>();
        services.AddScoped<ReadDonation>();
        services.AddScoped<StartDonation>();
        services.AddScoped<AidLedger>();
        services.AddScoped<SaveDrive>();
        services.AddScoped<RecordMoney>();
        services.AddScoped<Goods.ManageGoods>();
        services.AddScoped<Giving.DonorHistory>();
        services.AddScoped<ProcessStripeEventJob>();
        services.AddScoped<ReconcileStripeEventsJob>();
        services.AddScoped<IDemoDataSeeder, AidSeeder>();
        return services;
    }
}
