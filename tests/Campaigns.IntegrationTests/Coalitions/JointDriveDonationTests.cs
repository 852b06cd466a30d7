using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Campaigns.IntegrationTests.Aid;
using Campaigns.Testing;
using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Features.Aid;
using Campaigns.Web.Features.Coalitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Campaigns.IntegrationTests.Coalitions;

/// <summary>
/// Money given to a co-sponsored drive through a member's share link counts for that member, through the real
/// Checkout and webhook path (the Stripe.net client against a local server playing Stripe).
/// </summary>
public sealed class JointDriveDonationTests(StripeAppFactory app) : AppTestBase(app), IClassFixture<StripeAppFactory>
{
    private const string Slug = "garment-workers-solidarity-network";
    private const string Drive = "clinic-supplies-north-kivu";
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Gifts_through_one_co_sponsor_count_in_its_share_net_of_refunds_monthly_ones_included_and_in_the_combined_total()
    {
        var actionId = await JointDriveAsync();
        var cleanThreads = await App.MemberIdAsync("clean-threads-campaign");
        var union = await App.MemberIdAsync("sindicato-textil-del-norte");
        var before = await App.JointTotalsAsync(actionId);

        // The member's share link, the drive, the donate form: "via" travels all the way to the donation.
        var browser = NewBrowser();
        var joint = await browser.GetStringAsync($"/coalitions/{Slug}/actions/{actionId}?via=clean-threads-campaign");
        Assert.Contains($"href=\"/aid/{Drive}?via=clean-threads-campaign\"", joint, StringComparison.Ordinal);
        Assert.Contains($"href=\"/aid/{Drive}/donate?via=clean-threads-campaign\"", await browser.GetStringAsync($"/aid/{Drive}?via=clean-threads-campaign"), StringComparison.Ordinal);
        Assert.Contains("name=\"Via\" value=\"clean-threads-campaign\"", await browser.GetStringAsync($"/aid/{Drive}/donate?via=clean-threads-campaign"), StringComparison.Ordinal);

        var once = await DonateAsync("via-once@example.org", "40.00", "OneTime", "clean-threads-campaign");
        Assert.Equal(cleanThreads, once.ViaMemberId);
        await DeliverAllAsync(
            StripeFixtures.Event("evt_via_once", EventTypes.CheckoutSessionCompleted,
                StripeFixtures.Session(once.StripeCheckoutSessionId!, once.Id, "payment", "paid", 4000, "eur", "pi_via_once")),
            StripeFixtures.Event("evt_via_refund", EventTypes.ChargeRefunded, StripeFixtures.Charge("ch_via_once", once.Id, "pi_via_once", 4000, 1000, "eur")));

        // A monthly gift: every later invoice finds the same donation row, so it keeps counting for the same member.
        var monthly = await DonateAsync("via-monthly@example.org", "10.00", "Monthly", "clean-threads-campaign");
        Assert.Equal(cleanThreads, monthly.ViaMemberId);
        await DeliverAllAsync(
            StripeFixtures.Event("evt_via_m_completed", EventTypes.CheckoutSessionCompleted,
                StripeFixtures.Session(monthly.StripeCheckoutSessionId!, monthly.Id, "subscription", "paid", 1000, "eur", null, "sub_via", "cus_via")),
            StripeFixtures.Event("evt_via_m_inv1", EventTypes.InvoicePaid, StripeFixtures.Invoice("in_via_1", monthly.Id, "sub_via", "cus_via", 1000, "eur")),
            StripeFixtures.Event("evt_via_m_inv2", EventTypes.InvoicePaid, StripeFixtures.Invoice("in_via_2", monthly.Id, "sub_via", "cus_via", 1000, "eur")));

        // A gift without any link counts in the combined total and in nobody's share.
        var plain = await DonateAsync("via-none@example.org", "25.00", "OneTime", null);
        Assert.Null(plain.ViaMemberId);
        await DeliverAllAsync(StripeFixtures.Event("evt_via_none", EventTypes.CheckoutSessionCompleted,
            StripeFixtures.Session(plain.StripeCheckoutSessionId!, plain.Id, "payment", "paid", 2500, "eur", "pi_via_none")));

        var totals = await App.JointTotalsAsync(actionId);
        Assert.Equal(3000 + 2000, totals.Sponsors.Single(s => s.MemberId == cleanThreads).RaisedMinor);
        Assert.Equal(before.Sponsors.Single(s => s.MemberId == union).RaisedMinor, totals.Sponsors.Single(s => s.MemberId == union).RaisedMinor);
        Assert.Equal(before.RaisedMinor + 3000 + 2000 + 2500, totals.RaisedMinor);
        Assert.Equal(await DriveRaisedAsync(), totals.RaisedMinor);

        // Staff see each co-sponsor's money beside the combined total.
        await TestUsers.CreateAsync(App, "coord-via-money@example.org", Roles.Coordinator);
        var coordinator = NewBrowser();
        await SignInAsync(coordinator, "coord-via-money@example.org", TestUsers.Password);
        var admin = await coordinator.GetStringAsync($"/admin/coalitions/{Slug}/actions/{actionId}");
        Assert.Contains("data-count=\"raised\">50.00 EUR<", admin, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("collectif-ethique-sur-l-etiquette")] // a coalition member, but not a co-sponsor of this drive
    [InlineData("no-such-member")]
    public async Task A_via_that_names_no_co_sponsor_of_the_drive_is_ignored_and_the_gift_goes_through(string via)
    {
        await JointDriveAsync();

        var donation = await DonateAsync($"via-{via}@example.org", "15.00", "OneTime", via);

        Assert.Null(donation.ViaMemberId);
        Assert.Equal(DonationStatus.AwaitingPayment, donation.Status);
    }

    private async Task<Donation> DonateAsync(string email, string amount, string frequency, string? via)
    {
        var page = $"/aid/{Drive}/donate" + (via is null ? "" : "?via=" + via);
        var fields = new List<(string, string)> { ("Amount", amount), ("Currency", "EUR"), ("Frequency", frequency), ("Email", email) };
        if (via is not null)
        {
            fields.Add(("Via", via));
        }

        var response = await PostFormAsync(NewBrowser(), page, $"/aid/{Drive}/donate", [.. fields]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await App.WithDbAsync(db => db.Donations.SingleAsync(d => d.DonorEmail == email));
    }

    private async Task DeliverAllAsync(params string[] events)
    {
        foreach (var payload in events)
        {
            using var content = new StringContent(payload, Encoding.UTF8, "application/json");
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = content };
            request.Headers.Add("Stripe-Signature", FakeStripe.Sign(payload, StripeAppFactory.WebhookSecret, DateTimeOffset.UtcNow));
            Assert.Equal(HttpStatusCode.OK, (await NewBrowser().SendAsync(request)).StatusCode);
        }

        await App.WaitForJobsAsync(JobTimeout);
    }

    /// <summary>The seeds co-sponsor an urgent action only; this makes the drive a joint action of two members (once per database).</summary>
    private async Task<Guid> JointDriveAsync()
    {
        var union = await App.MemberIdAsync("sindicato-textil-del-norte");
        var cleanThreads = await App.MemberIdAsync("clean-threads-campaign");
        return await App.WithDbAsync(async db =>
        {
            if (await db.JointActions.Where(a => a.Kind == JointActionKind.AidDrive && a.ProgrammeSlug == Drive).Select(a => (Guid?)a.Id).SingleOrDefaultAsync() is { } existing)
            {
                return existing;
            }

            var action = new JointAction
            {
                Id = Guid.NewGuid(),
                CoalitionId = await db.Coalitions.Where(c => c.Slug == Slug).Select(c => c.Id).SingleAsync(),
                Kind = JointActionKind.AidDrive,
                ProgrammeSlug = Drive,
                Title = "Clinic supplies, together",
                CreatedAt = DateTimeOffset.UtcNow,
                Sponsors = [new JointActionSponsor { MemberId = union }, new JointActionSponsor { MemberId = cleanThreads }],
            };
            db.JointActions.Add(action);
            await db.SaveChangesAsync();
            return action.Id;
        });
    }

    private async Task<long> DriveRaisedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var drive = (await scope.ServiceProvider.GetRequiredService<ReadDrive>().FindAsync(Drive, false, CancellationToken.None))!;
        return drive.RaisedInGoalCurrency;
    }
}
