using System.Text.Json.Nodes;
using Stripe;

namespace Campaigns.IntegrationTests.Aid;

/// <summary>
/// Webhook events made from Stripe's own example objects (Fixtures/, copied unchanged from Stripe's public
/// OpenAPI fixtures), with only the ids, amounts and metadata a test needs filled in.
/// </summary>
internal static class StripeFixtures
{
    public static JsonObject Load(string name) =>
        JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Aid", "Fixtures", name + ".json")))!.AsObject();

    public static string Event(string id, string type, JsonObject dataObject, DateTimeOffset? created = null)
    {
        var e = Load("event");
        e["id"] = id;
        e["type"] = type;
        e["api_version"] = StripeConfiguration.ApiVersion;
        e["created"] = (created ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        e["data"] = new JsonObject { ["object"] = dataObject };
        return e.ToJsonString();
    }

    public static JsonObject Metadata(Guid donationId) => new() { ["donation_id"] = donationId.ToString(), ["drive"] = "clinic-supplies-north-kivu" };

    public static JsonObject Session(string id, Guid? donationId, string mode, string paymentStatus, long amount, string currency, string? paymentIntent, string? subscription = null, string? customer = null)
    {
        var s = Load("checkout.session");
        s["id"] = id;
        s["mode"] = mode;
        s["status"] = "complete";
        s["payment_status"] = paymentStatus;
        s["amount_total"] = amount;
        s["amount_subtotal"] = amount;
        s["currency"] = currency;
        s["payment_intent"] = paymentIntent;
        s["subscription"] = subscription;
        s["customer"] = customer;
        s["metadata"] = donationId is { } d ? Metadata(d) : new JsonObject();
        return s;
    }

    public static JsonObject Invoice(string id, Guid donationId, string subscription, string customer, long amount, string currency)
    {
        var i = Load("invoice");
        i["id"] = id;
        i["status"] = "paid";
        i["amount_paid"] = amount;
        i["amount_due"] = amount;
        i["total"] = amount;
        i["currency"] = currency;
        i["customer"] = customer;
        i["parent"] = new JsonObject
        {
            ["type"] = "subscription_details",
            ["quote_details"] = null,
            ["subscription_details"] = new JsonObject { ["subscription"] = subscription, ["metadata"] = Metadata(donationId) },
        };
        return i;
    }

    public static JsonObject Charge(string id, Guid donationId, string paymentIntent, long amount, long refunded, string currency)
    {
        var c = Load("charge");
        c["id"] = id;
        c["amount"] = amount;
        c["amount_captured"] = amount;
        c["amount_refunded"] = refunded;
        c["refunded"] = refunded >= amount;
        c["currency"] = currency;
        c["payment_intent"] = paymentIntent;
        c["metadata"] = Metadata(donationId);
        return c;
    }

    public static JsonObject Subscription(string id, Guid donationId, string customer)
    {
        var s = Load("subscription");
        s["id"] = id;
        s["status"] = "canceled";
        s["customer"] = customer;
        s["metadata"] = Metadata(donationId);
        return s;
    }
}
