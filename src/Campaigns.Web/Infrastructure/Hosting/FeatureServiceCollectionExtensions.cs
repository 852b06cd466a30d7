using Campaigns.Web.Features.Accounts;
using Campaigns.Web.Features.Alerts;
using Campaigns.Web.Features.Admin.Access;
using Campaigns.Web.Features.Admin.Outbox;
using Campaigns.Web.Features.Admin.Users;
using Campaigns.Web.Features.Assistance;
using Campaigns.Web.Features.Coalitions;
using Campaigns.Web.Features.Lobbying;
using Campaigns.Web.Features.Delegations;
using Campaigns.Web.Features.Aid;
using Campaigns.Web.Features.Home;
using Campaigns.Web.Features.Library;
using Campaigns.Web.Features.Partners;
using Campaigns.Web.Features.Privacy;
using Campaigns.Web.Features.Tours;

namespace Campaigns.Web.Infrastructure.Hosting;

public static class FeatureServiceCollectionExtensions
{
    /// <summary>The use cases, one class each; controllers take them as parameters.</summary>
    public static IServiceCollection AddCampaignsFeatures(this IServiceCollection services)
    {
        services.AddScoped<ListLiveProgrammes>();
        services.AddScoped<AccountLinks>();
        services.AddScoped<SendAccountEmail>();
        services.AddScoped<FreezeAccount>();
        services.AddScoped<AccountTimeZone>();
        services.AddScoped<ManageTwoFactor>();
        services.AddScoped<KnownDevice>();
        services.AddScoped<InviteUser>();
        services.AddScoped<SetUserRoles>();
        services.AddScoped<ReadOutbox>();
        services.AddScoped<SavePartner>();
        services.AddScoped<AddPartnerContact>();
        services.AddCampaignsTours();
        services.AddCampaignsLibrary();
        services.AddCampaignsAlerts();
        services.AddCampaignsAssistance();
        services.AddCampaignsAid();
        services.AddCampaignsPrivacy();
        services.AddCampaignsAccess();
        services.AddCampaignsCoalitions();
        services.AddCampaignsLobbying();
        services.AddCampaignsDelegations();
        return services;
    }
}
