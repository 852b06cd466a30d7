using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Campaigns.Web.Data;

/// <summary>
/// For 'dotnet ef migrations add' only: each provider's context without starting the app. No connection is opened.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCampaignsDbContext>
{
    public SqliteCampaignsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCampaignsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCampaignsDbContext>
{
    public PostgresCampaignsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCampaignsDbContext>().UseNpgsql("Host=localhost;Database=campaigns").Options);
}
