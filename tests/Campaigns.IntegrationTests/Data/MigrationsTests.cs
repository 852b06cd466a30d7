using Campaigns.Testing;
using Campaigns.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.IntegrationTests.Data;

public sealed class MigrationsTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    [Fact]
    public async Task The_postgres_migrations_are_applied_at_start_and_none_is_pending()
    {
        var pending = await App.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        var applied = await App.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList());

        Assert.Empty(pending);
        Assert.NotEmpty(applied);
        Assert.True(await App.WithDbAsync(db => db.Partners.AnyAsync()));
    }

    [Fact]
    public void The_postgres_model_has_no_changes_missing_from_its_migrations()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context PostgresCampaignsDbContext --output-dir Data/Migrations/Postgres");
    }

    [Fact]
    public void The_sqlite_model_has_no_changes_missing_from_its_migrations()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteCampaignsDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public async Task The_sqlite_migrations_apply_to_a_new_database_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"campaigns-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteCampaignsDbContext>().UseSqlite($"Data Source={file};Pooling=false").Options;
            await using var db = new SqliteCampaignsDbContext(options);

            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.Partners.CountAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
