using Campaigns.Web.Infrastructure.Hosting;

namespace Campaigns.Web.Infrastructure.Email;

public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddCampaignsEmail(this IServiceCollection services, IConfiguration configuration)
    {
        RefuseMovedSettings(configuration);
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

    /// <summary>
    /// DKIM used to be configured for alerts only; a key left under the old names would otherwise be ignored
    /// without a word and every message would go out unsigned.
    /// </summary>
    private static void RefuseMovedSettings(IConfiguration configuration)
    {
        foreach (var (old, now) in new[] { ("Alerts:DkimPrivateKeyPem", "Email:Dkim:PrivateKeyPem"), ("Alerts:DkimDomain", "Email:Dkim:Domain"), ("Alerts:DkimSelector", "Email:Dkim:Selector") })
        {
            if (!string.IsNullOrWhiteSpace(configuration[old]))
            {
                throw new StartupException($"{old}: has moved to {now}, which signs every email, not only alerts.");
            }
        }
    }
}
