using Campaigns.Web.Infrastructure.Hosting;

namespace Campaigns.Web.Infrastructure.Email;

public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddCampaignsEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var email = services.AddValidatedOptions<EmailOptions>(configuration, EmailOptions.Section);
        services.AddValidatedOptions<BounceMailboxOptions>(configuration, BounceMailboxOptions.Section);
        services.AddSingleton<PickupFolder>();
        if (email.Delivery == EmailDelivery.Smtp)
        {
            services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        }
        else
        {
            services.AddSingleton<IEmailTransport, PickupFolderEmailTransport>();
        }

        services.AddScoped<EmailRenderer>();
        services.AddScoped<EmailQueue>();
        services.AddScoped<SendQueuedEmailJob>();
        services.AddScoped<RetryUnsentEmailsJob>();
        return services;
    }
}
