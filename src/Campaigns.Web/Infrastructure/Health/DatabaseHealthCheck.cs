using Campaigns.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Campaigns.Web.Infrastructure.Health;

public sealed class DatabaseHealthCheck(CampaignsDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Database unreachable");
}
