using System.ComponentModel.DataAnnotations;

namespace Campaigns.Web.Infrastructure.Payments;

/// <summary>
/// Stripe keys come from the environment (Stripe__SecretKey…), never from a committed file. Without a secret key
/// the app takes pledges instead of card payments: the embedded default needs no account anywhere.
/// </summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    public string? SecretKey { get; set; }

    public string? WebhookSecret { get; set; }

    public string? PublishableKey { get; set; }

    /// <summary>Only for tests and Stripe's local mock; production uses Stripe's own address.</summary>
    [Url]
    public string? ApiBase { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(SecretKey);
}
