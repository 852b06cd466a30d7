using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Alerts.Sending;

/// <summary>One limit for the whole process, shared by every chunk and connection, for relays that cap messages per second.</summary>
public sealed class AlertRateLimiter : IDisposable
{
    private readonly TokenBucketRateLimiter? limiter;

    public AlertRateLimiter(IOptions<AlertsOptions> options)
    {
        var rate = options.Value.MaxMessagesPerSecond;
        if (rate > 0)
        {
            limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = rate,
                TokensPerPeriod = rate,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }
    }

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (limiter is not null)
        {
            using var lease = await limiter.AcquireAsync(1, cancellationToken);
        }
    }

    public void Dispose() => limiter?.Dispose();
}
