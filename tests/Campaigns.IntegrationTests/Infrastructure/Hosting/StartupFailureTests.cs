using System.Diagnostics;
using Campaigns.Testing;

namespace Campaigns.IntegrationTests.Infrastructure.Hosting;

/// <summary>
/// The real executable, started as an operator would, with one bad setting: it must stop with one line that names
/// the setting and a non-zero exit code, not a stack trace.
/// </summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string workingDirectory = Directory.CreateTempSubdirectory("campaigns-startup-").FullName;

    [Fact]
    public async Task An_unknown_database_provider_stops_start_with_one_line_naming_the_setting()
    {
        var (exitCode, error) = await StartAsync(("Database__Provider", "Oracle"));

        Assert.Equal(1, exitCode);
        AssertOneLineNaming("Database:Provider", error);
    }

    [Fact]
    public async Task An_smtp_port_out_of_range_stops_start_with_one_line_naming_the_setting()
    {
        var (exitCode, error) = await StartAsync(("Email__Delivery", "Smtp"), ("Email__Host", "127.0.0.1"), ("Email__Port", "70000"));

        Assert.Equal(1, exitCode);
        AssertOneLineNaming("Email:Port", error);
    }

    [Fact]
    public async Task A_bounce_mailbox_without_credentials_stops_start_with_one_line_naming_the_settings()
    {
        var (exitCode, error) = await StartAsync(("Email__BounceMailbox__Host", "127.0.0.1"), ("Email__BounceMailbox__UserName", "bounces"));

        Assert.Equal(1, exitCode);
        AssertOneLineNaming("Password", error);
    }

    [Fact]
    public async Task A_bounce_mailbox_interval_that_is_not_whole_minutes_stops_start_with_one_line_naming_it()
    {
        var (exitCode, error) = await StartAsync(
            ("Email__BounceMailbox__Host", "127.0.0.1"), ("Email__BounceMailbox__UserName", "bounces"), ("Email__BounceMailbox__Password", "secret"),
            ("Email__BounceMailbox__Interval", "00:00:30"));

        Assert.Equal(1, exitCode);
        AssertOneLineNaming("Interval", error);
    }

    [Fact]
    public async Task An_unreachable_database_stops_start_with_one_line_naming_the_connection_string()
    {
        var (exitCode, error) = await StartAsync(
            ("Database__Provider", "Postgres"),
            ("Database__ConnectionString", $"Host=127.0.0.1;Port={SmtpSink.FreePort()};Username=nobody;Timeout=3"));

        Assert.Equal(1, exitCode);
        AssertOneLineNaming("Database:ConnectionString", error);
    }

    [Fact]
    public async Task An_unreachable_smtp_server_stops_start_with_one_line_naming_the_host_and_port()
    {
        var (exitCode, error) = await StartAsync(
            ("Database__MigrateOnStart", "true"),
            ("Email__Delivery", "Smtp"), ("Email__Host", "127.0.0.1"), ("Email__Port", SmtpSink.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Email__TimeoutSeconds", "5"));

        Assert.Equal(1, exitCode);
        AssertOneLineNaming("Email:Host", error);
    }

    [Fact]
    public async Task A_missing_protection_key_stops_start_with_one_line_naming_the_setting()
    {
        var (exitCode, error) = await StartAsync(("Protection__Keys__test1", null));

        Assert.Equal(1, exitCode);
        AssertOneLineNaming("Protection:Keys", error);
    }

    [Fact]
    public async Task A_protection_key_shorter_than_256_bits_stops_start_with_one_line_naming_it()
    {
        var (exitCode, error) = await StartAsync(("Protection__Keys__test1", Convert.ToBase64String(new byte[16])));

        Assert.Equal(1, exitCode);
        AssertOneLineNaming("Protection:Keys:test1", error);
    }

    [Fact]
    public async Task A_current_key_id_that_names_no_key_stops_start_with_one_line_naming_the_setting()
    {
        var (exitCode, error) = await StartAsync(("Protection__CurrentKeyId", "missing"));

        Assert.Equal(1, exitCode);
        AssertOneLineNaming("Protection:CurrentKeyId", error);
    }

    [Fact]
    public async Task A_public_base_url_without_https_outside_development_stops_start_with_one_line_naming_it()
    {
        var (exitCode, error) = await StartAsync(("Campaigns__PublicBaseUrl", "http://campaigns.example.org"));

        Assert.Equal(1, exitCode);
        AssertOneLineNaming("Campaigns:PublicBaseUrl", error);
    }

    [Fact]
    public async Task A_dkim_domain_that_does_not_align_with_the_from_address_stops_start_with_one_line_naming_it()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var (exitCode, error) = await StartAsync(
            ("Email__FromAddress", "campaigns@example.org"),
            ("Email__Dkim__Domain", "mailer.example.net"), ("Email__Dkim__Selector", "s1"), ("Email__Dkim__PrivateKeyPem", key.ExportPkcs8PrivateKeyPem()));

        Assert.Equal(1, exitCode);
        AssertOneLineNaming("Email:Dkim:Domain", error);
    }

    [Fact]
    public async Task A_dkim_key_that_is_not_a_pem_private_key_stops_start_with_one_line_naming_it()
    {
        var (exitCode, error) = await StartAsync(("Email__Dkim__Domain", "campaigns.localhost"), ("Email__Dkim__Selector", "s1"), ("Email__Dkim__PrivateKeyPem", "CHANGE_ME"));

        Assert.Equal(1, exitCode);
        AssertOneLineNaming("Email:Dkim:PrivateKeyPem", error);
    }

    [Fact]
    public async Task A_dkim_key_under_the_old_alerts_setting_stops_start_with_one_line_naming_the_new_one()
    {
        var (exitCode, error) = await StartAsync(("Alerts__DkimPrivateKeyPem", "-----BEGIN PRIVATE KEY-----"));

        Assert.Equal(1, exitCode);
        AssertOneLineNaming("Email:Dkim:PrivateKeyPem", error);
    }

    public void Dispose() => Directory.Delete(workingDirectory, recursive: true);

    private static void AssertOneLineNaming(string setting, string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, "Expected one line on stderr, got:\n" + error);
        Assert.StartsWith("Campaigns cannot start:", lines[0], StringComparison.Ordinal);
        Assert.Contains(setting, lines[0], StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Error)> StartAsync(params (string Key, string? Value)[] settings) =>
        AppProcess.RunAsync(workingDirectory, ["--urls", "http://127.0.0.1:0"], settings);
}

/// <summary>The published entry point, run as a separate process the way an operator or a container runs it.</summary>
internal static class AppProcess
{
    public static async Task<(int ExitCode, string Error)> RunAsync(string workingDirectory, string[] arguments, params (string Key, string? Value)[] settings)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "Campaigns.Web.dll");
        var start = new ProcessStartInfo("dotnet", [app, .. arguments])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(workingDirectory, "campaigns.db")}";
        start.Environment["Jobs__SqliteFile"] = Path.Combine(workingDirectory, "hangfire.db");
        start.Environment["Email__PickupDirectory"] = Path.Combine(workingDirectory, "mail");
        start.Environment["Protection__Keys__test1"] = CampaignsAppFactory.ProtectionKey;
        foreach (var (key, value) in settings)
        {
            // Null takes a default away, to test a setting that is missing.
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The app kept running with a bad setting. Output:\n" + await output);
        }

        return (process.ExitCode, await error);
    }
}
