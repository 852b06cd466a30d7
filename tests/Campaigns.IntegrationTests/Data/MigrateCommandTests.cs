using Campaigns.IntegrationTests.Infrastructure.Hosting;
using Campaigns.Testing;
using Npgsql;

namespace Campaigns.IntegrationTests.Data;

public sealed class MigrateCommandTests : IAsyncLifetime
{
    private readonly string workingDirectory = Directory.CreateTempSubdirectory("campaigns-migrate-").FullName;
    private string connectionString = "";

    public async Task InitializeAsync() => connectionString = await PostgresServer.CreateDatabaseAsync("migrate");

    public async Task DisposeAsync()
    {
        await PostgresServer.DropDatabaseAsync(connectionString);
        Directory.Delete(workingDirectory, recursive: true);
    }

    [Fact]
    public async Task The_migrate_command_prepares_an_empty_production_database_and_exits()
    {
        var (exitCode, error) = await AppProcess.RunAsync(workingDirectory, ["migrate"],
            ("Database__Provider", "Postgres"), ("Database__ConnectionString", connectionString));

        Assert.True(exitCode == 0, error);
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM information_schema.tables WHERE table_name = 'partners'"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'hangfire'"));
    }

    [Fact]
    public async Task A_production_node_refuses_to_start_on_a_database_that_was_not_migrated()
    {
        var (exitCode, error) = await AppProcess.RunAsync(workingDirectory, ["--urls", "http://127.0.0.1:0"],
            ("Database__Provider", "Postgres"), ("Database__ConnectionString", connectionString), ("Database__MigrateOnStart", "false"));

        Assert.Equal(1, exitCode);
        Assert.Contains("migrate", error, StringComparison.Ordinal);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
