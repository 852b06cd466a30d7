using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Campaigns.Testing;

/// <summary>
/// A local HTTP server that plays the parts of Stripe's API the app calls: creating Checkout and billing portal
/// sessions and listing events. The real Stripe.net client talks to it through <c>Stripe:ApiBase</c>. It keeps
/// every request, answers a repeated idempotency key with the first answer as Stripe does, and can play "down".
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, string> idempotent = new();
    private int sessions;

    private FakeStripe(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<StripeRequest> Requests { get; } = new();

    /// <summary>Makes a Checkout session's JSON from its id and the form Stripe.net sent.</summary>
    public Func<string, IFormCollection, string> CheckoutSession { get; set; } = (id, _) => $$"""{"id":"{{id}}","object":"checkout.session","url":"https://checkout.stripe.com/c/pay/{{id}}"}""";

    /// <summary>Event JSON objects that GET /v1/events returns, newest first.</summary>
    public ConcurrentQueue<string> Events { get; } = new();

    /// <summary>When true every call fails as an outage would (HTTP 503).</summary>
    public bool Down { get; set; }

    public static async Task<FakeStripe> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeStripe(app);
        app.Use(async (context, next) =>
        {
            if (fake.Down)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers["Stripe-Should-Retry"] = "false";
                await context.Response.WriteAsync("""{"error":{"type":"api_error","message":"Service unavailable"}}""");
                return;
            }

            await next();
        });
        app.MapPost("/v1/checkout/sessions", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var key = context.Request.Headers["Idempotency-Key"].ToString();
            fake.Requests.Enqueue(new StripeRequest("POST", "/v1/checkout/sessions", form.ToDictionary(f => f.Key, f => f.Value.ToString()), key));
            var json = fake.idempotent.GetOrAdd("cs|" + key, _ =>
                fake.CheckoutSession($"cs_test_fake{Interlocked.Increment(ref fake.sessions):D4}", form));
            return Results.Text(json, "application/json");
        });
        app.MapPost("/v1/billing_portal/sessions", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            fake.Requests.Enqueue(new StripeRequest("POST", "/v1/billing_portal/sessions", form.ToDictionary(f => f.Key, f => f.Value.ToString()), null));
            return Results.Text("""{"id":"bps_test_1","object":"billing_portal.session","url":"https://billing.stripe.com/p/session/test_1"}""", "application/json");
        });
        app.MapGet("/v1/events", (HttpContext context) =>
        {
            fake.Requests.Enqueue(new StripeRequest("GET", "/v1/events" + context.Request.QueryString, new Dictionary<string, string>(), null));
            return Results.Text($$"""{"object":"list","url":"/v1/events","has_more":false,"data":[{{string.Join(",", fake.Events)}}]}""", "application/json");
        });
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return fake;
    }

    /// <summary>The Stripe-Signature header Stripe would send: HMAC-SHA256 of "timestamp.payload" with the endpoint secret.</summary>
    public static string Sign(string payload, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + payload));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

public sealed record StripeRequest(string Method, string Path, IReadOnlyDictionary<string, string> Form, string? IdempotencyKey);
