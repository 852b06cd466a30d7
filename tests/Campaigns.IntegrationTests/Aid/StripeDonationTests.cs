using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Campaigns.Testing;
using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Features.Aid.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Campaigns.IntegrationTests.Aid;

/// <summary>Card gifts: the real Stripe.net client against a local server playing Stripe, and signed webhooks.</summary>
public sealed class StripeDonationTests(StripeAppFactory app) : AppTestBase(app), IClassFixture<StripeAppFactory>
{
    private const string Drive = "clinic-supplies-north-kivu";
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(60);

    private FakeStripe Stripe => ((StripeAppFactory)App).Stripe;

    private async Task<(Donation Donation, string Thanks, string CheckoutUrl)> StartAsync(string email, string amount, string frequency)
    {
        var browser = NewBrowser();
        var response = await PostFormAsync(browser, $"/aid/{Drive}/donate", $"/aid/{Drive}/donate",
            ("Amount", amount), ("Currency", "EUR"), ("Frequency", frequency), ("Name", "Card Donor"), ("Email", email), ("ShowNamePublicly", "true"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var donation = await App.WithDbAsync(db => db.Donations.SingleAsync(d => d.DonorEmail == email));
        return (donation, $"/aid/{Drive}/thanks/{donation.AccessKey}", response.Headers.Location!.OriginalString);
    }

    private async Task<HttpResponseMessage> DeliverAsync(string payload, DateTimeOffset? signedAt = null, string secret = StripeAppFactory.WebhookSecret)
    {
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = content };
        request.Headers.Add("Stripe-Signature", FakeStripe.Sign(payload, secret, signedAt ?? DateTimeOffset.UtcNow));
        return await NewBrowser().SendAsync(request);
    }

    /// <summary>Every event three times, shuffled, all at once: what Stripe's retries and parallel deliveries can do.</summary>
    private async Task DeliverShuffledThreeTimesAsync(params string[] events)
    {
        var deliveries = events.SelectMany(e => Enumerable.Repeat(e, 3)).OrderBy(_ => Random.Shared.Next()).ToList();
        var responses = await Task.WhenAll(deliveries.Select(e => DeliverAsync(e)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await App.WaitForJobsAsync(JobTimeout);
    }

    [Fact]
    public async Task A_one_time_card_gift_goes_through_Checkout_and_duplicated_shuffled_events_give_one_gift_and_one_refund()
    {
        var (donation, thanks, checkoutUrl) = await StartAsync("card-once@example.org", "25.00", "OneTime");

        Assert.StartsWith("https://checkout.stripe.com/", checkoutUrl, StringComparison.Ordinal);
        var created = Assert.Single(Stripe.Requests, r => r.Path == "/v1/checkout/sessions" && r.Form["customer_email"] == "card-once@example.org");
        Assert.Equal($"checkout-{donation.Id}", created.IdempotencyKey);
        Assert.Equal("payment", created.Form["mode"]);
        Assert.Equal("2500", created.Form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal(donation.Id.ToString(), created.Form["payment_intent_data[metadata][donation_id]"]);
        Assert.Equal(DonationStatus.AwaitingPayment, donation.Status);
        Assert.Contains("Processing", await NewBrowser().GetStringAsync(thanks), StringComparison.Ordinal);

        var session = donation.StripeCheckoutSessionId!;
        await DeliverShuffledThreeTimesAsync(
            StripeFixtures.Event("evt_once_completed", EventTypes.CheckoutSessionCompleted,
                StripeFixtures.Session(session, donation.Id, "payment", "paid", 2500, "eur", "pi_once")),
            StripeFixtures.Event("evt_once_async", EventTypes.CheckoutSessionAsyncPaymentSucceeded,
                StripeFixtures.Session(session, donation.Id, "payment", "paid", 2500, "eur", "pi_once")));

        var entries = await App.WithDbAsync(db => db.LedgerEntries.Where(e => e.DonationId == donation.Id).ToListAsync());
        var gift = Assert.Single(entries);
        Assert.Equal(2500, gift.AmountMinor);
        Assert.Equal("EUR", gift.Currency);
        Assert.Equal("Card Donor", gift.PublicDonorName);
        Assert.Contains("Received", await NewBrowser().GetStringAsync(thanks), StringComparison.Ordinal);
        var receipt = await App.Smtp.WaitForAsync(m => m.Subject == "Your receipt" && m.To.ToString().Contains("card-once@example.org", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Contains(gift.ReceiptNumber!, receipt.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, App.Smtp.Messages.Count(m => m.Subject == "Your receipt" && m.To.ToString().Contains("card-once@example.org", StringComparison.Ordinal)));

        await DeliverShuffledThreeTimesAsync(
            StripeFixtures.Event("evt_once_refund", EventTypes.ChargeRefunded, StripeFixtures.Charge("ch_once", donation.Id, "pi_once", 2500, 2500, "eur")),
            StripeFixtures.Event("evt_once_completed", EventTypes.CheckoutSessionCompleted,
                StripeFixtures.Session(session, donation.Id, "payment", "paid", 2500, "eur", "pi_once")));

        entries = await App.WithDbAsync(db => db.LedgerEntries.Where(e => e.DonationId == donation.Id).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.Equal(0, entries.Sum(e => e.AmountMinor));
        Assert.Equal(DonationStatus.Refunded, await App.WithDbAsync(db => db.Donations.Where(d => d.Id == donation.Id).Select(d => d.Status).SingleAsync()));
    }

    [Fact]
    public async Task Two_partial_refunds_delivered_at_once_in_any_order_reverse_only_what_was_refunded()
    {
        var (donation, _, _) = await StartAsync("card-partial@example.org", "40.00", "OneTime");
        await DeliverShuffledThreeTimesAsync(StripeFixtures.Event("evt_part_completed", EventTypes.CheckoutSessionCompleted,
            StripeFixtures.Session(donation.StripeCheckoutSessionId!, donation.Id, "payment", "paid", 4000, "eur", "pi_part")));

        // Stripe reports the cumulative amount refunded: first 10.00, then 25.00 in all.
        await DeliverShuffledThreeTimesAsync(
            StripeFixtures.Event("evt_part_refund_1", EventTypes.ChargeRefunded, StripeFixtures.Charge("ch_part", donation.Id, "pi_part", 4000, 1000, "eur")),
            StripeFixtures.Event("evt_part_refund_2", EventTypes.ChargeRefunded, StripeFixtures.Charge("ch_part", donation.Id, "pi_part", 4000, 2500, "eur")));

        var entries = await App.WithDbAsync(db => db.LedgerEntries.Where(e => e.DonationId == donation.Id).ToListAsync());
        Assert.Equal(-2500, entries.Where(e => e.Kind == LedgerEntryKind.Reversal).Sum(e => e.AmountMinor));
        Assert.Equal(1500, entries.Sum(e => e.AmountMinor));
    }

    [Fact]
    public async Task A_monthly_gift_counts_each_paid_invoice_once_whatever_the_order_and_ends_with_the_subscription()
    {
        var (donation, thanks, _) = await StartAsync("card-monthly@example.org", "10.00", "Monthly");
        var created = Assert.Single(Stripe.Requests, r => r.Path == "/v1/checkout/sessions" && r.Form["customer_email"] == "card-monthly@example.org");
        Assert.Equal("subscription", created.Form["mode"]);
        Assert.Equal("month", created.Form["line_items[0][price_data][recurring][interval]"]);
        Assert.Equal(donation.Id.ToString(), created.Form["subscription_data[metadata][donation_id]"]);

        await DeliverShuffledThreeTimesAsync(
            StripeFixtures.Event("evt_m_completed", EventTypes.CheckoutSessionCompleted,
                StripeFixtures.Session(donation.StripeCheckoutSessionId!, donation.Id, "subscription", "paid", 1000, "eur", null, "sub_m", "cus_m")),
            StripeFixtures.Event("evt_m_inv1", EventTypes.InvoicePaid, StripeFixtures.Invoice("in_m1", donation.Id, "sub_m", "cus_m", 1000, "eur")),
            StripeFixtures.Event("evt_m_inv2", EventTypes.InvoicePaid, StripeFixtures.Invoice("in_m2", donation.Id, "sub_m", "cus_m", 1000, "eur")),
            StripeFixtures.Event("evt_m_failed", EventTypes.InvoicePaymentFailed, StripeFixtures.Invoice("in_m3", donation.Id, "sub_m", "cus_m", 1000, "eur")),
            StripeFixtures.Event("evt_m_deleted", EventTypes.CustomerSubscriptionDeleted, StripeFixtures.Subscription("sub_m", donation.Id, "cus_m")));

        var entries = await App.WithDbAsync(db => db.LedgerEntries.Where(e => e.DonationId == donation.Id).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.Equal(2000, entries.Sum(e => e.AmountMinor));
        var stored = await App.WithDbAsync(db => db.Donations.SingleAsync(d => d.Id == donation.Id));
        Assert.Equal(DonationStatus.Ended, stored.Status);
        Assert.Equal("cus_m", stored.StripeCustomerId);

        // The donor's page offers Stripe's billing portal to manage the gift.
        var browser = NewBrowser();
        var manage = await PostFormAsync(browser, thanks, thanks + "/manage");
        Assert.Equal("https://billing.stripe.com/p/session/test_1", manage.Headers.Location?.OriginalString);
        Assert.Contains(Stripe.Requests, r => r.Path == "/v1/billing_portal/sessions" && r.Form["customer"] == "cus_m");
    }

    [Fact]
    public async Task A_forged_or_stale_webhook_is_refused_and_nothing_is_stored()
    {
        var payload = StripeFixtures.Event("evt_forged", EventTypes.CheckoutSessionCompleted,
            StripeFixtures.Session("cs_forged", Guid.NewGuid(), "payment", "paid", 100000, "eur", "pi_forged"));

        Assert.Equal(HttpStatusCode.BadRequest, (await DeliverAsync(payload, secret: "whsec_wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await DeliverAsync(payload, DateTimeOffset.UtcNow.AddMinutes(-10))).StatusCode);
        using var unsigned = new StringContent(payload, Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await NewBrowser().PostAsync("/webhooks/stripe", unsigned)).StatusCode);

        Assert.False(await App.WithDbAsync(db => db.StripeWebhookEvents.AnyAsync(e => e.Id == "evt_forged")));
        Assert.False(await App.WithDbAsync(db => db.LedgerEntries.AnyAsync(e => e.ExternalKey.Contains("pi_forged"))));
    }

    [Fact]
    public async Task An_event_for_an_unknown_session_is_kept_and_flagged_not_dropped()
    {
        var payload = StripeFixtures.Event("evt_unknown", EventTypes.CheckoutSessionCompleted,
            StripeFixtures.Session("cs_nobody_knows", null, "payment", "paid", 4200, "eur", "pi_unknown"));

        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(payload)).StatusCode);
        await App.WaitForJobsAsync(JobTimeout);

        var stored = await App.WithDbAsync(db => db.StripeWebhookEvents.SingleAsync(e => e.Id == "evt_unknown"));
        Assert.Equal(ProcessStripeEventJob.UnknownDonation, stored.Flag);
        Assert.NotNull(stored.ProcessedAt);
        Assert.False(await App.WithDbAsync(db => db.LedgerEntries.AnyAsync(e => e.ExternalKey.Contains("pi_unknown"))));
    }

    [Fact]
    public async Task Reconciliation_processes_an_event_the_webhook_never_delivered()
    {
        var (donation, _, _) = await StartAsync("card-missed@example.org", "50.00", "OneTime");
        Stripe.Events.Enqueue(StripeFixtures.Event("evt_missed", EventTypes.CheckoutSessionCompleted,
            StripeFixtures.Session(donation.StripeCheckoutSessionId!, donation.Id, "payment", "paid", 5000, "eur", "pi_missed")));

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReconcileStripeEventsJob>().RunAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<ReconcileStripeEventsJob>().RunAsync(CancellationToken.None);
        }

        await App.WaitForJobsAsync(JobTimeout);
        Assert.Contains(Stripe.Requests, r => r.Path.StartsWith("/v1/events", StringComparison.Ordinal));
        var stored = await App.WithDbAsync(db => db.StripeWebhookEvents.SingleAsync(e => e.Id == "evt_missed"));
        Assert.Equal("reconciliation", stored.ReceivedVia);
        var gift = Assert.Single(await App.WithDbAsync(db => db.LedgerEntries.Where(e => e.DonationId == donation.Id).ToListAsync()));
        Assert.Equal(5000, gift.AmountMinor);
    }

    [Fact]
    public async Task A_payment_for_a_drive_that_ended_is_recorded_and_flagged()
    {
        var donationId = Guid.NewGuid();
        await App.WithDbAsync(async db =>
        {
            var partnerId = await db.Partners.Select(p => p.Id).FirstAsync();
            var drive = new Campaigns.Web.Domain.Programmes.AidDrive
            {
                Id = Guid.NewGuid(), Slug = "ended-drive", Title = "Ended drive", Currency = "EUR", PartnerOrganisationId = partnerId,
                GoalAmountMinor = 100000, StartsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)), EndsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)),
                Status = Campaigns.Web.Domain.Programmes.ProgrammeStatus.Live,
            };
            db.AidDrives.Add(drive);
            db.Donations.Add(new Donation
            {
                Id = donationId, AidDriveId = drive.Id, Source = DonationSource.Checkout, Status = DonationStatus.AwaitingPayment, AmountMinor = 3000,
                Currency = "EUR", DonorEmail = "late@example.org", AccessKey = Guid.NewGuid().ToString("N"), StripeCheckoutSessionId = "cs_late", CreatedAt = DateTimeOffset.UtcNow.AddDays(-3),
            });
            return await db.SaveChangesAsync();
        });

        await DeliverShuffledThreeTimesAsync(StripeFixtures.Event("evt_late", EventTypes.CheckoutSessionCompleted,
            StripeFixtures.Session("cs_late", donationId, "payment", "paid", 3000, "eur", "pi_late")));

        var entry = Assert.Single(await App.WithDbAsync(db => db.LedgerEntries.Where(e => e.DonationId == donationId).ToListAsync()));
        Assert.Equal(3000, entry.AmountMinor);
        Assert.Equal(ProcessStripeEventJob.AfterDriveEnded, entry.Flag);
        Assert.Equal(ProcessStripeEventJob.AfterDriveEnded, await App.WithDbAsync(db => db.StripeWebhookEvents.Where(e => e.Id == "evt_late").Select(e => e.Flag).SingleAsync()));
    }

    [Fact]
    public async Task When_Stripe_is_unreachable_the_donor_sees_a_message_and_nothing_is_recorded()
    {
        Stripe.Down = true;
        try
        {
            var response = await PostFormAsync(NewBrowser(), $"/aid/{Drive}/donate", $"/aid/{Drive}/donate",
                ("Amount", "25.00"), ("Currency", "EUR"), ("Frequency", "OneTime"), ("Email", "stripe-down@example.org"));

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains("try again", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.False(await App.WithDbAsync(db => db.Donations.AnyAsync(d => d.DonorEmail == "stripe-down@example.org")));
        }
        finally
        {
            Stripe.Down = false;
        }
    }
}
