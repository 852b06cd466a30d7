using Microsoft.AspNetCore.Hosting;

namespace Campaigns.Testing;

/// <summary>The app with Stripe configured, its API played by <see cref="FakeStripe"/>.</summary>
public class StripeAppFactory : CampaignsAppFactory
{
    public const string WebhookSecret = "whsec_test_campaigns";

    public FakeStripe Stripe { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Stripe = await FakeStripe.StartAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Stripe is not null)
        {
            await Stripe.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Stripe:SecretKey", "sk_test_campaigns");
        builder.UseSetting("Stripe:WebhookSecret", WebhookSecret);
        builder.UseSetting("Stripe:ApiBase", Stripe.BaseUrl);
    }
}
