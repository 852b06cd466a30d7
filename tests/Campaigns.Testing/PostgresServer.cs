using Npgsql;
using Testcontainers.PostgreSql;

namespace Campaigns.Testing;

/// <summary>
/// One PostgreSQL server for a test run: a Testcontainers container when a Docker engine answers, otherwise the
/// throwaway server tests/run.sh started and named in CAMPAIGNS_TEST_POSTGRES. Each test class gets its own
/// database on it (<see cref="CreateDatabaseAsync"/>), so classes never see each other's rows.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "CAMPAIGNS_TEST_POSTGRES";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? adminConnectionString;
    private static PostgreSqlContainer? container;

    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var admin = await AdminConnectionStringAsync();
        var name = $"{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await AdminConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> AdminConnectionStringAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return adminConnectionString ??= await StartAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        try
        {
            container = new PostgreSqlBuilder("postgres:17-alpine").Build();
            await container.StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return container.GetConnectionString();
        }
        catch (Exception ex) when (ex.GetType().Name.Contains("DockerUnavailable", StringComparison.Ordinal) || ex is ArgumentException)
        {
            throw new InvalidOperationException(
                $"No PostgreSQL for tests: no Docker engine answered and {EnvironmentVariable} is not set. Run the tests with tests/run.sh, which starts one.", ex);
        }
    }
}
