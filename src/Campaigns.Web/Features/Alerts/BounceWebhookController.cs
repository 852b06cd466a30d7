using System.Security.Cryptography;
using System.Text;
using Campaigns.Web.Domain.Alerts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Alerts;

/// <summary>
/// Where the mail provider reports hard bounces and complaints: {"email": "...", "type": "bounce" | "complaint"}
/// with "Authorization: Bearer {Alerts:BounceWebhookSecret}". A machine posts here, so no antiforgery token;
/// the shared secret is the authority. Soft bounces are ignored: the address may work tomorrow.
/// </summary>
[AllowAnonymous]
public sealed class BounceWebhookController(IOptions<AlertsOptions> options, SuppressAddress suppress) : Controller
{
    [HttpPost("/webhooks/alerts/bounces")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> Receive([FromBody] BounceReport report, CancellationToken cancellationToken)
    {
        var secret = options.Value.BounceWebhookSecret;
        var presented = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(secret)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes("Bearer " + secret)))
        {
            return Answer(401, "unauthorized");
        }

        ArgumentNullException.ThrowIfNull(report);
        var reason = report.Type?.ToLowerInvariant() switch
        {
            "bounce" or "hard-bounce" => SuppressionReason.HardBounce,
            "complaint" => SuppressionReason.Complaint,
            _ => (SuppressionReason?)null,
        };
        if (reason is null)
        {
            return Ok();
        }

        return await suppress.HandleAsync(report.Email ?? "", reason.Value, cancellationToken) ? Ok() : Answer(400, "invalid email");
    }

    /// <summary>With a body: an empty error response would be re-executed as an error page, which a machine does not want.</summary>
    private static ContentResult Answer(int status, string text) => new() { StatusCode = status, Content = text, ContentType = "text/plain" };
}

public sealed record BounceReport(string? Email, string? Type);
