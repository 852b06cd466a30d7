using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Campaigns.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Campaigns.IntegrationTests.Infrastructure.Telemetry;

/// <summary>A collector stand-in: an HTTP listener that keeps what OTLP/HTTP exporters post to it.</summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;

    public OtlpReceiver()
    {
        Port = SmtpSink.FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ReceiveAsync);
    }

    public int Port { get; }

    public ConcurrentQueue<(string Path, byte[] Body)> Posts { get; } = new();

    public bool Received(string path, string text) =>
        Posts.Any(p => p.Path == path && Encoding.UTF8.GetString(p.Body).Contains(text, StringComparison.Ordinal));

    public void Dispose()
    {
        listener.Close();
        _ = loop.Exception;
    }

    private async Task ReceiveAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Posts.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}

public sealed class TelemetryAppFactory : CampaignsAppFactory
{
    public OtlpReceiver Receiver { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Telemetry:OtlpEndpoint", $"http://127.0.0.1:{Receiver.Port}");
        builder.UseSetting("Telemetry:OtlpProtocol", "HttpProtobuf");
        builder.UseSetting("OTEL_BSP_SCHEDULE_DELAY", "200");
        builder.UseSetting("OTEL_METRIC_EXPORT_INTERVAL", "500");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Receiver.Dispose();
    }
}

public sealed class TelemetryTests(TelemetryAppFactory app) : AppTestBase(app), IClassFixture<TelemetryAppFactory>
{
    [Fact]
    public async Task With_an_otlp_endpoint_configured_request_traces_and_email_metrics_are_exported()
    {
        await NewBrowser().GetAsync("/tours");
        await PostFormAsync(NewBrowser(), "/account/forgot-password", "/account/forgot-password", ("Email", app.AdminEmail));
        await app.Smtp.WaitForAsync(m => m.Subject == "Reset your password", TimeSpan.FromSeconds(20));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        bool AllArrived() =>
            app.Receiver.Received("/v1/traces", "/tours")
            && app.Receiver.Received("/v1/traces", "SendQueuedEmailJob")
            && app.Receiver.Received("/v1/metrics", "campaigns.emails.sent");
        while (DateTime.UtcNow < deadline && !AllArrived())
        {
            await Task.Delay(200);
        }

        Assert.True(app.Receiver.Received("/v1/traces", "/tours"), "No trace of GET /tours reached the collector");
        Assert.True(app.Receiver.Received("/v1/traces", "SendQueuedEmailJob"), "No span of the email job reached the collector");
        Assert.True(app.Receiver.Received("/v1/metrics", "campaigns.emails.sent"), "The emails-sent metric did not reach the collector");
    }
}
