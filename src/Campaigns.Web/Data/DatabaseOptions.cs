using System.ComponentModel.DataAnnotations;

namespace Campaigns.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required]
    public string ConnectionString { get; set; } = "Data Source=App_Data/campaigns.db";

    /// <summary>
    /// The embedded default migrates at start; production runs <c>migrate</c> explicitly, once, before new nodes.
    /// </summary>
    public bool MigrateOnStart { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
