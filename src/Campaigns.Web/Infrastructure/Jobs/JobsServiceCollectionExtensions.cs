using Campaigns.Web.Data;
using Campaigns.Web.Infrastructure.Hosting;
using Campaigns.Web.Infrastructure.Telemetry;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Infrastructure.Jobs;

public static class JobsServiceCollectionExtensions
{
    public static IServiceCollection AddCampaignsJobs(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, ProcessRole role)
    {
        _ = services.AddValidatedOptions<JobsOptions>(configuration, JobsOptions.Section);
        services.AddHangfire((sp, config) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();

            // Hangfire's filters are global: add ours once per process, however many hosts it builds.
            if (!GlobalJobFilters.Filters.Any(f => f.Instance is JobTelemetryFilter))
            {
                config.UseFilter(new JobTelemetryFilter());
            }
            if (database.Provider == DatabaseProvider.Postgres)
            {
                config.UsePostgreSqlStorage(
                    o => o.UseNpgsqlConnection(database.ConnectionString),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = jobs.PostgresSchema,
                        QueuePollInterval = jobs.PollInterval,
                        PrepareSchemaIfNecessary = true,
                        UseSlidingInvisibilityTimeout = true,
                        InvisibilityTimeout = jobs.InvisibilityTimeout,
                    });
            }
            else
            {
                var file = Path.GetFullPath(jobs.SqliteFile, environment.ContentRootPath);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                config.UseSQLiteStorage(file, new SQLiteStorageOptions { QueuePollInterval = jobs.PollInterval });
            }
        });

        if (role != ProcessRole.Web)
        {
            services.AddHangfireServer((sp, server) =>
            {
                server.WorkerCount = sp.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerCount;
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";

                // On SIGTERM running jobs get this long to finish; then they are cancelled and handed back to the
                // queue, and being idempotent they resume elsewhere without sending anything twice.
                server.ShutdownTimeout = TimeSpan.FromSeconds(30);
            });
        }

        return services;
    }
}
