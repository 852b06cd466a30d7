using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Campaigns.Testing;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Features.Alerts.Admin;
using Campaigns.Web.Features.Alerts.Sending;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

// Usage:
//   dotnet run -c Release --project tests/Campaigns.Benchmarks -- [recipients] [warm-up]   the benchmark (warm-up
//                                 send first, default 5000 recipients; 0 measures a cold start)
//   dotnet run -c Release --project tests/Campaigns.Benchmarks -- sink <port>        the SMTP sink it starts itself
//   ... -- stages [messages]       where one message's CPU goes, step by step, without SMTP or the database
//   ... -- sink <port> <folder>   the sink as tests/scaleout.sh uses it: runs until killed, appending
//                                 "recipient<TAB>message-id" per accepted message to <folder>/accepted.tsv and
//                                 writing the first 500 messages whole as .eml files there
// PostgreSQL comes from CAMPAIGNS_TEST_POSTGRES (or Docker via Testcontainers).
if (args.FirstOrDefault() == "sink")
{
    await Sink.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture), args.Length > 2 ? args[2] : null);
    return 0;
}

if (args.FirstOrDefault() == "stages")
{
    return await AlertBenchmark.StagesAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000);
}

var recipients = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var warmUp = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
return await AlertBenchmark.RunAsync(recipients, warmUp);

internal static class AlertBenchmark
{
    public static async Task<int> RunAsync(int recipients, int warmUp)
    {
        UseAppContentRoot();
        var port = SmtpSink.FreePort();
        using var sink = StartSink(port);
        var factory = new BenchmarkFactory(port);
        await factory.InitializeAsync();
        try
        {
            _ = factory.Services; // starts the app: migrations, seeds, Hangfire server
            if (warmUp > 0)
            {
                // A worker that has run for a while has its code compiled; the first send after a start also pays
                // for the JIT. The warm-up send is reported apart and its subscribers paused before the measured one.
                Console.WriteLine($"Warm-up: a send to {warmUp:N0} other subscribers...");
                await InsertSubscribersAsync(factory.ConnectionString, warmUp, "warmup");
                var warm = await SendAndWaitAsync(factory, sink, warmUp + 3);
                Console.WriteLine($"WARMUP recipients={warm.Expected} seconds={warm.Seconds:F1} per_second={warm.Expected / warm.Seconds:F0}");
                await PauseAsync(factory.ConnectionString, "warmup");
            }

            Console.WriteLine($"Inserting {recipients:N0} confirmed subscribers...");
            await InsertSubscribersAsync(factory.ConnectionString, recipients, "activist");
            var run = await SendAndWaitAsync(factory, sink, recipients + 3); // and the three seeded subscribers
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024;
            Console.WriteLine($"RESULT recipients={run.Expected} accepted={run.Accepted} marked_sent={run.Marked} seconds={run.Seconds:F1} per_second={run.Expected / run.Seconds:F0} peak_working_set_mb={peak}");
            // CPU seconds spent during the send, to tell the sender's cost from a busy machine's.
            Console.WriteLine($"CPU app_seconds={run.AppCpu.TotalSeconds:F1} sink_seconds={run.SinkCpu.TotalSeconds:F1} app_ms_per_message={run.AppCpu.TotalMilliseconds / run.Expected:F2}");
            await AskAsync(sink, "quit");
            return run.Accepted == run.Expected && run.Marked == run.Expected ? 0 : 1;
        }
        finally
        {
            await ((IAsyncLifetimeLike)factory).DisposeAppAsync();
        }
    }

    /// <summary>Asks for a send exactly as the admin page does and waits until the sink has accepted every message of it.</summary>
    private static async Task<SendRun> SendAndWaitAsync(BenchmarkFactory factory, Process sink, int expected)
    {
        var before = await AskAsync(sink, "count");
        var clock = Stopwatch.StartNew();
        var appCpu = Process.GetCurrentProcess().TotalProcessorTime;
        sink.Refresh();
        var sinkCpu = sink.TotalProcessorTime;
        Guid sendId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            sendId = (await scope.ServiceProvider.GetRequiredService<CreateAlertSend>()
                .HandleAsync("river-defenders-threatened", new SendForm { RequestId = Guid.NewGuid(), Kind = AlertKind.UrgentAction }, CancellationToken.None)).SendId!.Value;
        }

        int accepted;
        while ((accepted = await AskAsync(sink, "count") - before) < expected)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(60))
            {
                throw new TimeoutException($"Only {accepted} of {expected} accepted");
            }

            await Task.Delay(200);
        }

        clock.Stop();
        appCpu = Process.GetCurrentProcess().TotalProcessorTime - appCpu;
        sink.Refresh();
        sinkCpu = sink.TotalProcessorTime - sinkCpu;
        var marked = await factory.WithDbAsync(db => db.AlertDeliveries.CountAsync(d => d.AlertSendId == sendId && d.SentAt != null));
        return new SendRun(expected, accepted, marked, clock.Elapsed.TotalSeconds, appCpu, sinkCpu);
    }

    private sealed record SendRun(int Expected, int Accepted, int Marked, double Seconds, TimeSpan AppCpu, TimeSpan SinkCpu);

    private static async Task PauseAsync(string connectionString, string prefix)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE alert_subscribers SET \"Status\" = 'Paused' WHERE \"Email\" LIKE $1", connection);
        command.Parameters.AddWithValue(prefix + "%");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// CPU per message of each step the chunk job takes before SMTP: the signed manage token, personalising the
    /// MIME, preparing it, DKIM-signing it, and writing it out as the SMTP client would. Process CPU time, so
    /// other work on a busy machine adds noise: read it on a quiet one.
    /// </summary>
    public static async Task<int> StagesAsync(int messages)
    {
        UseAppContentRoot();
        var port = SmtpSink.FreePort();
        using var sink = StartSink(port); // the app checks at start that its SMTP server answers
        var factory = new BenchmarkFactory(port);
        await factory.InitializeAsync();
        try
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<Campaigns.Web.Data.CampaignsDbContext>();
            var actionId = await db.UrgentActions.Where(a => a.Slug == "river-defenders-threatened").Select(a => a.Id).SingleAsync();
            var content = (await services.GetRequiredService<ReadAlertContent>().HandleAsync(actionId, "es", CancellationToken.None))!;
            var composer = services.GetRequiredService<AlertComposer>();
            var links = services.GetRequiredService<Campaigns.Web.Features.Alerts.AlertLinks>();
            var template = await composer.RenderAsync(content, AlertKind.UrgentAction, "", links.BaseUrl);
            var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Campaigns.Web.Infrastructure.Email.EmailOptions>>().Value;
            using var signer = options.Dkim.CreateSigner()!;
            var recipients = Enumerable.Range(0, messages)
                .Select(i => new AlertRecipient(Guid.CreateVersion7(), Guid.CreateVersion7(), $"activist{i:D7}@bench.example", $"Activist {i}", "es"))
                .ToList();

            // Each run does the first k steps for every message and keeps nothing, as the job does; a step's cost
            // is the difference between two runs, so no step is charged for garbage another one left.
            var now = DateTimeOffset.UtcNow;
            string[] steps = ["manage token", "personalise (MIME)", "prepare (7-bit)", "DKIM sign", "write out"];
            void Run(int upTo, int count)
            {
                for (var i = 0; i < count; i++)
                {
                    var token = links.ManageToken(recipients[i].SubscriberId);
                    if (upTo < 2)
                    {
                        continue;
                    }

                    var message = composer.Personalise(template, recipients[i], token, now);
                    if (upTo >= 3)
                    {
                        message.Prepare(MimeKit.EncodingConstraint.SevenBit);
                    }

                    if (upTo >= 4)
                    {
                        signer.Sign(message, FastDkimSigner.SignedHeaders);
                    }

                    if (upTo >= 5)
                    {
                        message.WriteTo(Stream.Null);
                    }
                }
            }

            var previous = TimeSpan.Zero;
            for (var upTo = 1; upTo <= steps.Length; upTo++)
            {
                Run(upTo, Math.Min(1000, messages)); // warm-up
                GC.Collect();
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                Run(upTo, messages);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime - before;
                Console.WriteLine($"STAGE {steps[upTo - 1],-20} {(cpu - previous).TotalMilliseconds * 1000 / messages,8:F1} µs per message");
                previous = cpu;
            }

            Console.WriteLine($"STAGE {"total",-20} {previous.TotalMilliseconds * 1000 / messages,8:F1} µs per message");
            await AskAsync(sink, "quit");
            return 0;
        }
        finally
        {
            await ((IAsyncLifetimeLike)factory).DisposeAppAsync();
        }
    }

    /// <summary>The test projects get the app's content root from Mvc.Testing's build targets; a console app names it itself.</summary>
    private static void UseAppContentRoot()
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CAMPAIGNS_WEB", Path.Combine(RepositoryRoot.Path, "src", "Campaigns.Web"));
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

    private static async Task InsertSubscribersAsync(string connectionString, int count, string prefix)
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
            await importer.WriteAsync($"{prefix}{i:D7}@bench.example", NpgsqlDbType.Varchar);
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
        builder.UseSetting("Email:FromAddress", "alerts@campaigns.test");
        builder.UseSetting("Email:Dkim:Domain", "campaigns.test");
        builder.UseSetting("Email:Dkim:Selector", "bench");
        builder.UseSetting("Email:Dkim:PrivateKeyPem", key.ExportPkcs8PrivateKeyPem());
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
                // A thread per connection with blocking reads: fewer wake-ups than the async socket engine, and
                // the sink is there to cost the sender as little CPU as possible.
                new Thread(() => Serve(client)) { IsBackground = true }.Start();
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

    private static void Serve(System.Net.Sockets.TcpClient client)
    {
        // Bytes, not lines: the sink shares the two cores with the sender it measures, so it looks for the end of
        // DATA with one vectorised search instead of turning every line of every message into a string.
        using (client)
        {
            var stream = client.GetStream();
            var buffer = new byte[256 * 1024];
            var replies = new MemoryStream();
            var start = 0;
            var end = 0;
            var inData = false;
            var recipient = "";
            var message = folder is null ? null : new MemoryStream();
            void Reply(string text) => replies.Write(System.Text.Encoding.ASCII.GetBytes(text + "\r\n"));
            try
            {
                Reply("220 sink ESMTP");
                while (true)
                {
                    while (start < end)
                    {
                        var span = buffer.AsSpan(start, end - start);
                        if (inData)
                        {
                            // The region starts with the CRLF that ended the DATA line, so an empty message ends too.
                            var terminator = span.IndexOf("\r\n.\r\n"u8);
                            if (terminator < 0)
                            {
                                var keep = Math.Min(span.Length, 4);
                                message?.Write(span[..^keep]);
                                start += span.Length - keep;
                                break;
                            }

                            message?.Write(span[..(terminator + 2)]);
                            start += terminator + 5;
                            inData = false;
                            Accept(recipient, message);
                            Reply("250 2.0.0 queued");
                            continue;
                        }

                        var eol = span.IndexOf("\r\n"u8);
                        if (eol < 0)
                        {
                            break;
                        }

                        var line = System.Text.Encoding.Latin1.GetString(span[..eol]);
                        var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                        start += eol + 2;
                        switch (verb)
                        {
                            case "EHLO":
                                Reply("250-sink\r\n250-8BITMIME\r\n250-PIPELINING\r\n250 SIZE 52428800");
                                break;
                            case "HELO":
                                Reply("250 sink");
                                break;
                            case "RCPT":
                                recipient = line[(line.IndexOf(':') + 1)..].Trim().Trim('<', '>');
                                Reply("250 OK");
                                break;
                            case "DATA":
                                Reply("354 go ahead");
                                inData = true;
                                start -= 2;
                                message?.SetLength(0);
                                break;
                            case "QUIT":
                                Reply("221 bye");
                                Flush(stream, replies);
                                return;
                            default:
                                Reply("250 OK");
                                break;
                        }
                    }

                    Flush(stream, replies);
                    if (start > 0)
                    {
                        buffer.AsSpan(start, end - start).CopyTo(buffer);
                        end -= start;
                        start = 0;
                    }

                    var read = stream.Read(buffer.AsSpan(end));
                    if (read == 0)
                    {
                        return;
                    }

                    end += read;
                }
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Flush(System.Net.Sockets.NetworkStream stream, MemoryStream replies)
    {
        if (replies.Length > 0)
        {
            stream.Write(replies.GetBuffer().AsSpan(0, (int)replies.Length));
            replies.SetLength(0);
        }
    }

    private static void Accept(string recipient, MemoryStream? message)
    {
        var number = Interlocked.Increment(ref accepted);
        if (folder is null || message is null)
        {
            return;
        }

        // Drop the CRLF that ended the DATA line; what is left is the message as it came over the wire.
        var text = System.Text.Encoding.Latin1.GetString(message.GetBuffer(), 2, (int)message.Length - 2);
        var messageId = text.Split("\r\n").FirstOrDefault(l => l.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase))?[11..].Trim() ?? "";
        lock (LogGate)
        {
            File.AppendAllText(Path.Combine(folder, "accepted.tsv"), $"{recipient}\t{messageId}\n");
        }

        if (number <= 500)
        {
            File.WriteAllText(Path.Combine(folder, $"{number:D6}.eml"), text);
        }
    }
}
