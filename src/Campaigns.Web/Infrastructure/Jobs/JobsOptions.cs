using System.ComponentModel.DataAnnotations;

namespace Campaigns.Web.Infrastructure.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>The storages poll every 15 s by default, which makes every job look stuck.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Kept small on SQLite, whose storage can run a job twice under contention.</summary>
    [Range(1, 100)]
    public int WorkerCount { get; set; } = 2;

    /// <summary>The embedded default's job storage: a SQLite file of its own beside the application database.</summary>
    [Required]
    public string SqliteFile { get; set; } = "App_Data/hangfire.db";

    /// <summary>
    /// How long a job taken by a worker that stopped answering (killed, its machine gone) stays invisible before
    /// another worker takes it. Workers send heartbeats, so a long job on a live worker is never taken away.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>PostgreSQL schema for job storage, in the application database.</summary>
    [Required]
    public string PostgresSchema { get; set; } = "hangfire";
}
