using Campaigns.Web.Data;
using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Infrastructure.Payments;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;

namespace Campaigns.Web.Features.Aid.Payments;

/// <summary>
/// Stripe's calls. The signature is the authentication; the body is stored once by event id and a job does the
/// work, so Stripe gets its answer fast and a retry or duplicate changes nothing.
/// </summary>
[AllowAnonymous]
public sealed class StripeWebhookController(
    CampaignsDbContext db,
    IOptions<StripeOptions> options,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    ILogger<StripeWebhookController> logger) : ControllerBase
{
    public const long ToleranceSeconds = 300;

    // Stripe signs the request instead of sending a form token; the signature check below is the CSRF defence.
    [IgnoreAntiforgeryToken]
    [HttpPost("/webhooks/stripe")]
    public async Task<IActionResult> Receive(CancellationToken cancellationToken)
    {
        var secret = options.Value.WebhookSecret;
        if (string.IsNullOrWhiteSpace(secret))
        {
            return NotFound();
        }

        var signature = Request.Headers["Stripe-Signature"].ToString();
        if (string.IsNullOrWhiteSpace(signature))
        {
            return BadRequest();
        }

        using var reader = new StreamReader(Request.Body);
        var json = await reader.ReadToEndAsync(cancellationToken);
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(json, signature, secret, ToleranceSeconds);
        }
        catch (Exception ex) when (ex is StripeException or FormatException or ArgumentException or Newtonsoft.Json.JsonException or System.Text.Json.JsonException)
        {
            logger.LogWarning("Stripe webhook refused: {Reason}", ex.Message);
            return BadRequest();
        }

        var stored = await StoreAsync(db, stripeEvent.Id, stripeEvent.Type, json, "webhook", clock.GetUtcNow(), cancellationToken);
        if (stored)
        {
            jobs.Enqueue<ProcessStripeEventJob>(job => job.RunAsync(stripeEvent.Id, CancellationToken.None));
        }

        return Ok();
    }

    /// <returns>True when this call stored the event; false when it was already there.</returns>
    public static async Task<bool> StoreAsync(CampaignsDbContext db, string id, string type, string payload, string via, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.StripeWebhookEvents.AnyAsync(e => e.Id == id, cancellationToken))
        {
            return false;
        }

        db.StripeWebhookEvents.Add(new StripeWebhookEvent { Id = id, Type = type, Payload = payload, ReceivedAt = now, ReceivedVia = via });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (AidLedger.IsUniqueViolation(ex))
        {
            // The same event arriving twice at once: the other request stored it and queued its job.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
