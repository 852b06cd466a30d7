using Microsoft.Extensions.Options;
using Stripe;

namespace Campaigns.Web.Infrastructure.Payments;

/// <summary>One Stripe client per process, made from the options; null when Stripe is not configured.</summary>
public sealed class StripeClients(IOptions<StripeOptions> options)
{
    private readonly Lazy<StripeClient?> client = new(() => Create(options.Value));

    public bool Enabled => options.Value.Enabled;

    public StripeClient Client => client.Value ?? throw new InvalidOperationException("Stripe is not configured (Stripe:SecretKey).");

    private static StripeClient? Create(StripeOptions value) =>
        value.Enabled
            ? new StripeClient(new StripeClientOptions
            {
                ApiKey = value.SecretKey,
                ApiBase = string.IsNullOrWhiteSpace(value.ApiBase) ? null : value.ApiBase.TrimEnd('/'),
            })
            : null;
}
