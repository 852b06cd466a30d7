using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Campaigns.Testing;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Features.Alerts.Admin;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

// Usage:
//   dotnet run -c Release --project tests/Campaigns.Benchmarks -- [recipients]       the benchmark
//   dotnet run -c Release --project tests/Campaigns.Benchmarks -- sink <port>        the SMTP sink it starts itself
//   ... -- sink <port> <folder>   the sink as tests/scaleout.sh uses it: runs until killed, appending
//                                 "recipient<TAB>message-id" per accepted message to <folder>/accepted.tsv and
//                                 writing the first 500 messages whole as .eml files there
// PostgreSQL comes from CAMPAIGNS_TEST_POSTGRES (or Docker via Testcontainers).
if (args.FirstOrDefault() == "sink")
{
    await Sink.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture), args.Length > 2 ? args[2] : null);
    return 0;
}

var recipients = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
return await AlertBenchmark.RunAsync(recipients);

internal static class AlertBenchmark
{
    public static async Task<int> RunAsync(int recipients)
    {
        // The test projects get the app's content root from Mvc.Testing's build targets; a console app names it itself.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Campaigns.sln")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CAMPAIGNS_WEB", Path.Combine(root!.FullName, "src", "Campaigns.Web"));
        var port = SmtpSink.FreePort();
        using var sink = StartSink(port);
        var factory = new BenchmarkFactory(port);
        await factory.InitializeAsync();
        try
        {
            _ = factory.Services; // starts the app: migrations, seeds, Hangfire server
            Console.WriteLine($"Inserting {recipients:N0} confirmed subscribers...");
            await InsertSubscribersAsync(factory.ConnectionString, recipients);

            var clock = Stopwatch.StartNew();
            Guid sendId;
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                sendId = (await scope.ServiceProvider.GetRequiredService<CreateAlertSend>()
                    .HandleAsync("river-defenders-threatened", new SendForm { RequestId = Guid.NewGuid(), Kind = AlertKind.UrgentAction }, CancellationToken.None))!.Value;
            }

            var expected = recipients + 3; // the three seeded subscribers
            int accepted;
            while ((accepted = await AskAsync(sink, "count")) < expected)
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(60))
                {
                    throw new TimeoutException($"Only {accepted} of {expected} accepted");
                }

                await Task.Delay(200);
            }

            clock.Stop();
            var marked = await factory.WithDbAsync(db => db.AlertDeliveries.CountAsync(d => d.AlertSendId == sendId && d.SentAt != null));
            var seconds = clock.Elapsed.TotalSeconds;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024;
            Console.WriteLine($"RESULT recipients={expected} accepted={accepted} marked_sent={marked} seconds={seconds:F1} per_second={expected / seconds:F0} peak_working_set_mb={peak}");
            await AskAsync(sink, "quit");
            return accepted == expected && marked == expected ? 0 : 1;
        }
        finally
        {
            await ((IAsyncLifetimeLike)factory).DisposeAppAsync();
        }
    }

    private static Process StartSink(int port)
    {
        var self = Environment.ProcessPath!;
        var entry = typeof(AlertBenchmark).Assembly.Location;
        var start = self.EndsWith("dotnet", StringComparison.Ordinal)
            ? new ProcessStartInfo(self, [entry, "sink", port.ToString(CultureInfo.InvariantCulture)])
            : new ProcessStartInfo(self, ["sink", port.ToString(CultureInfo.InvariantCulture)]);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        var process = Process.Start(start)!;
        if (process.StandardOutput.ReadLine() != "ready")
        {
            throw new InvalidOperationException("The sink did not start");
        }

        return process;
    }

    private static async Task<int> AskAsync(Process sink, string command)
    {
        await sink.StandardInput.WriteLineAsync(command);
        await sink.StandardInput.FlushAsync();
        return command == "quit" ? 0 : int.Parse((await sink.StandardOutput.ReadLineAsync())!, CultureInfo.InvariantCulture);
    }

    private static async Task InsertSubscribersAsync(string connectionString, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY alert_subscribers (\"Id\", \"Email\", \"Name\", \"Language\", \"Interests\", \"Status\", \"CreatedAt\", \"ConfirmedAt\", \"ConsentText\", \"ConsentAt\", \"Source\") FROM STDIN (FORMAT BINARY)");
        var now = DateTimeOffset.UtcNow;
        string[] languages = ["en", "es", "fr"];
        for (var i = 0; i < count; i++)
        {
            await importer.StartRowAsync();
            await importer.WriteAsync(Guid.CreateVersion7(now), NpgsqlDbType.Uuid);
            await importer.WriteAsync($"activist{i:D7}@bench.example", NpgsqlDbType.Varchar);
            await importer.WriteAsync($"Activist {i}", NpgsqlDbType.Varchar);
            await importer.WriteAsync(languages[i % 3], NpgsqlDbType.Varchar);
            await importer.WriteAsync("", NpgsqlDbType.Varchar);
            await importer.WriteAsync("Active", NpgsqlDbType.Varchar);
            await importer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await importer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await importer.WriteAsync("benchmark", NpgsqlDbType.Varchar);
            await importer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await importer.WriteAsync("import", NpgsqlDbType.Varchar);
        }

        await importer.CompleteAsync();
    }
}

internal interface IAsyncLifetimeLike
{
    Task DisposeAppAsync();
}

/// <summary>The whole app on real PostgreSQL and real Hangfire, mailing a sink in another process.</summary>
internal sealed class BenchmarkFactory(int sinkPort) : CampaignsAppFactory, IAsyncLifetimeLike
{
    private readonly RSA key = RSA.Create(2048);

    public Task DisposeAppAsync() => ((Xunit.IAsyncLifetime)this).DisposeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:Port", sinkPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Jobs:WorkerCount", "2");
        builder.UseSetting("Alerts:ChunkSize", "1000");
        builder.UseSetting("Alerts:SmtpConnections", "4");
        builder.UseSetting("Alerts:DkimDomain", "campaigns.test");
        builder.UseSetting("Alerts:DkimSelector", "bench");
        builder.UseSetting("Alerts:DkimPrivateKeyPem", key.ExportPkcs8PrivateKeyPem());
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}

/// <summary>
/// A minimal real SMTP server (EHLO, MAIL, RCPT, DATA with dot-stuffing, RSET, NOOP, QUIT) that counts what it
/// accepts, with NoDelay on its sockets so the sink never adds Nagle stalls of its own.
/// Commands on stdin: "count" answers the number accepted, "quit" stops.
/// </summary>
internal static class Sink
{
    private static int accepted;
    private static string? folder;
    private static readonly Lock LogGate = new();

    public static async Task RunAsync(int port, string? logFolder = null)
    {
        folder = logFolder;
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, port);
        listener.Start(512);
        _ = Task.Run(async () =>
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync();
                client.NoDelay = true;
                _ = Task.Run(() => ServeAsync(client));
            }
        });
        Console.WriteLine("ready");
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
            await Task.Delay(Timeout.Infinite);
        }

        while (await Console.In.ReadLineAsync() is { } line && line != "quit")
        {
            Console.WriteLine(Volatile.Read(ref accepted).ToString(CultureInfo.InvariantCulture));
        }

        listener.Stop();
    }

    private static async Task ServeAsync(System.Net.Sockets.TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var reader = new StreamReader(stream, System.Text.Encoding.Latin1, false, 65536);
            var writer = new StreamWriter(stream, System.Text.Encoding.ASCII, 4096) { NewLine = "\r\n", AutoFlush = false };
            async Task ReplyAsync(string text)
            {
                await writer.WriteLineAsync(text);
                await writer.FlushAsync();
            }

            var recipient = "";
            try
            {
                await ReplyAsync("220 sink ESMTP");
                while (await reader.ReadLineAsync() is { } line)
                {
                    var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await ReplyAsync("250-sink\r\n250-8BITMIME\r\n250-PIPELINING\r\n250 SIZE 52428800");
                            break;
                        case "HELO":
                            await ReplyAsync("250 sink");
                            break;
                        case "RCPT":
                            recipient = line[(line.IndexOf(':') + 1)..].Trim().Trim('<', '>');
                            await ReplyAsync("250 OK");
                            break;
                        case "DATA":
                            await ReplyAsync("354 go ahead");
                            var message = folder is null ? null : new System.Text.StringBuilder();
                            var messageId = "";
                            while (await reader.ReadLineAsync() is { } data && data != ".")
                            {
                                if (message is not null)
                                {
                                    message.Append(data).Append("\r\n");
                                    if (messageId.Length == 0 && data.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase))
                                    {
                                        messageId = data[11..].Trim();
                                    }
                                }
                            }

                            var number = Interlocked.Increment(ref accepted);
                            if (folder is not null)
                            {
                                lock (LogGate)
                                {
                                    File.AppendAllText(Path.Combine(folder, "accepted.tsv"), $"{recipient}\t{messageId}\n");
                                }

                                if (number <= 500)
                                {
                                    File.WriteAllText(Path.Combine(folder, $"{number:D6}.eml"), message!.ToString());
                                }
                            }

                            await ReplyAsync("250 2.0.0 queued");
                            break;
                        case "QUIT":
                            await ReplyAsync("221 bye");
                            return;
                        default:
                            await ReplyAsync("250 OK");
                            break;
                    }
                }
            }
            catch (IOException)
            {
            }
        }
    }
}
