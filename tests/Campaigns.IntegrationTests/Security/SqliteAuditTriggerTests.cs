using Campaigns.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.IntegrationTests.Security;

/// <summary>The embedded default's database refuses to rewrite the audit log as PostgreSQL does.</summary>
public sealed class SqliteAuditTriggerTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("campaigns-audit-").FullName;

    [Fact]
    public async Task The_sqlite_audit_log_refuses_update_and_delete()
    {
        var options = new DbContextOptionsBuilder<SqliteCampaignsDbContext>()
            .UseSqlite($"Data Source={Path.Combine(folder, "audit.db")};Pooling=False").Options;
        await using var db = new SqliteCampaignsDbContext(options);
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO audit_entries (\"Id\", \"At\", \"Action\", \"RecordType\", \"RecordId\") VALUES ('A1', 0, 'view', 'partner', 'R1')");

        var update = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"Action\" = 'forged'"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM audit_entries").SingleAsync());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
