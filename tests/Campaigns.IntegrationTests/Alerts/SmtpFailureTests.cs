using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Campaigns.Testing;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Features.Alerts.Admin;
using Campaigns.Web.Features.Alerts.Sending;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.IntegrationTests.Alerts;

/// <summary>An SMTP server that drops the connection in the middle of the first messages and refuses one mailbox for good.</summary>
public sealed class FlakySmtpFactory : AlertsAppFactory
{
    public FlakySmtpServer Flaky { get; } = new(dropsFirst: 3, refuses: "nobody@flaky.example");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Campaigns:Role", "Web");
        builder.UseSetting("Email:Port", Flaky.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Flaky.Dispose();
    }
}

public sealed class SmtpFailureTests(FlakySmtpFactory app) : AppTestBase(app), IClassFixture<FlakySmtpFactory>
{
    private new FlakySmtpFactory App => (FlakySmtpFactory)base.App;

    [Fact]
    public async Task Dropped_connections_are_retried_and_a_refused_mailbox_is_recorded_and_suppressed()
    {
        await App.AddSubscriberAsync("one@flaky.example", "en");
        await App.AddSubscriberAsync("two@flaky.example", "es");
        await App.AddSubscriberAsync("nobody@flaky.example", "fr");
        var sendId = await App.SendAsync("river-defenders-threatened", new SendForm { Kind = AlertKind.UrgentAction });
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PlanAlertSendJob>().RunAsync(sendId, CancellationToken.None);
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SendAlertChunkJob>().RunAsync(sendId, 0, CancellationToken.None);
        }

        Assert.True(App.Flaky.Dropped >= 3);
        Assert.Equal(1, App.Flaky.Accepted("one@flaky.example"));
        Assert.Equal(1, App.Flaky.Accepted("two@flaky.example"));
        Assert.Equal(0, App.Flaky.Accepted("nobody@flaky.example"));
        var refused = await App.WithDbAsync(db => db.AlertDeliveries.Where(d => d.AlertSendId == sendId)
            .Join(db.AlertSubscribers, d => d.SubscriberId, s => s.Id, (d, s) => new { s.Email, d.FailedAt, d.LastError, d.SentAt })
            .SingleAsync(x => x.Email == "nobody@flaky.example"));
        Assert.NotNull(refused.FailedAt);
        Assert.Null(refused.SentAt);
        Assert.StartsWith("550", refused.LastError, StringComparison.Ordinal);
        Assert.Equal(SuppressionReason.HardBounce, await App.WithDbAsync(db => db.SuppressedAddresses.Where(s => s.Email == "nobody@flaky.example").Select(s => s.Reason).SingleAsync()));
        Assert.Equal(SendStatus.Completed, await App.WithDbAsync(db => db.AlertSends.Where(s => s.Id == sendId).Select(s => s.Status).SingleAsync()));
    }
}

public sealed class FlakySmtpServer : IDisposable
{
    private readonly TcpListener listener;
    private readonly ConcurrentDictionary<string, int> accepted = new(StringComparer.OrdinalIgnoreCase);
    private readonly string refuses;
    private int toDrop;
    private int dropped;

    /// <param name="port">0 for any free port; a given one to bring a server up where the app was told to find one.</param>
    public FlakySmtpServer(int dropsFirst, string refuses, int port = 0)
    {
        listener = new(IPAddress.Loopback, port);

        // Listening again on a port whose last connections are still in TIME_WAIT.
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        toDrop = dropsFirst;
        this.refuses = refuses;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public int Dropped => Volatile.Read(ref dropped);

    public int Accepted(string address) => accepted.TryGetValue(address, out var n) ? n : 0;

    public void Dispose() => listener.Stop();

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync();
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            var recipients = new List<string>();
            try
            {
                await writer.WriteLineAsync("220 flaky ESMTP");
                while (await reader.ReadLineAsync() is { } line)
                {
                    var upper = line.ToUpperInvariant();
                    if (upper.StartsWith("EHLO", StringComparison.Ordinal) || upper.StartsWith("HELO", StringComparison.Ordinal))
                    {
                        await writer.WriteLineAsync("250 flaky");
                    }
                    else if (upper.StartsWith("RCPT TO:", StringComparison.Ordinal))
                    {
                        var address = line[8..].Trim().Trim('<', '>');
                        if (string.Equals(address, refuses, StringComparison.OrdinalIgnoreCase))
                        {
                            await writer.WriteLineAsync("550 5.1.1 No such mailbox");
                        }
                        else
                        {
                            recipients.Add(address);
                            await writer.WriteLineAsync("250 OK");
                        }
                    }
                    else if (upper == "DATA")
                    {
                        await writer.WriteLineAsync("354 go ahead");
                        while (await reader.ReadLineAsync() is { } data && data != ".")
                        {
                        }

                        if (Interlocked.Decrement(ref toDrop) >= 0)
                        {
                            // The connection drops after the message, before the answer: the client never hears it was accepted.
                            Interlocked.Increment(ref dropped);
                            client.Client.Close();
                            return;
                        }

                        foreach (var r in recipients)
                        {
                            accepted.AddOrUpdate(r, 1, (_, n) => n + 1);
                        }

                        recipients.Clear();
                        await writer.WriteLineAsync("250 queued");
                    }
                    else if (upper == "QUIT")
                    {
                        await writer.WriteLineAsync("221 bye");
                        return;
                    }
                    else
                    {
                        if (upper == "RSET" || upper.StartsWith("MAIL", StringComparison.Ordinal))
                        {
                            recipients.Clear();
                        }

                        await writer.WriteLineAsync("250 OK");
                    }
                }
            }
            catch (IOException)
            {
            }
        }
    }
}
