using Campaigns.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Data;

/// <summary>Applies the configured provider's migrations, or says in one line why it cannot reach the database.</summary>
public sealed class DatabaseMigrator(CampaignsDbContext db, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await EnsureReachableAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Applied {Count} migrations on {Provider}", pending.Count, options.Value.Provider);
    }

    public async Task EnsureReachableAsync(CancellationToken cancellationToken)
    {
        bool reachable;
        string? reason = null;
        try
        {
            // SQLite creates its file on open; CanConnect is false only for a server that does not answer.
            reachable = await db.Database.CanConnectAsync(cancellationToken) || options.Value.Provider == DatabaseProvider.Sqlite;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            reachable = false;
            reason = ex.Message;
        }

        if (!reachable)
        {
            throw new StartupException(
                $"Database:ConnectionString: cannot connect to the {options.Value.Provider} database{(reason is null ? "" : $" ({reason.Split('\n')[0].Trim()})")}.");
        }
    }

    public async Task EnsureUpToDateAsync(CancellationToken cancellationToken)
    {
        await EnsureReachableAsync(cancellationToken);
        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        if (pending.Any())
        {
            throw new StartupException(
                $"Database: {pending.Count()} migrations are not applied; run 'dotnet Campaigns.Web.dll migrate' first (or set Database:MigrateOnStart=true).");
        }
    }
}
