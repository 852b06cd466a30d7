using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Infrastructure.Hosting;
using Campaigns.Web.Infrastructure.Protection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddCampaignsData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        _ = services.AddValidatedOptions<DatabaseOptions>(configuration, DatabaseOptions.Section);
        services.AddCampaignsProtection(configuration, environment);

        // Both contexts are registered; the configured one answers for CampaignsDbContext. Each owns its migrations.
        services.AddDbContext<SqliteCampaignsDbContext>((sp, options) =>
            options.UseSqlite(SqliteConnectionString(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, environment))
                .ReplaceService<IModelCacheKeyFactory, ProtectedModelCacheKeyFactory>());
        services.AddDbContext<PostgresCampaignsDbContext>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString)
                .ReplaceService<IModelCacheKeyFactory, ProtectedModelCacheKeyFactory>());
        services.AddScoped<CampaignsDbContext>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider switch
            {
                DatabaseProvider.Postgres => sp.GetRequiredService<PostgresCampaignsDbContext>(),
                _ => sp.GetRequiredService<SqliteCampaignsDbContext>(),
            });

        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<DemoDataSeeder>();
        return services;
    }

    /// <summary>A relative SQLite file lives under the content root, whatever directory the app was started from.</summary>
    internal static string SqliteConnectionString(DatabaseOptions options, IHostEnvironment environment)
    {
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(environment.ContentRootPath, builder.DataSource);
        }

        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return builder.ToString();
    }
}
