using System.Net;
using System.Text;
using Campaigns.Testing;
using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.IntegrationTests.Aid;

/// <summary>The embedded default: no Stripe keys, so the donate page records pledges.</summary>
public sealed class PledgeTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    private const string Drive = "clinic-supplies-north-kivu";

    private async Task<HttpClient> CoordinatorAsync(string email)
    {
        await TestUsers.CreateAsync(App, email, Roles.Coordinator);
        var browser = NewBrowser();
        await SignInAsync(browser, email, TestUsers.Password);
        return browser;
    }

    private Task<HttpResponseMessage> DonateAsync(HttpClient browser, params (string, string)[] fields) =>
        PostFormAsync(browser, $"/aid/{Drive}/donate", $"/aid/{Drive}/donate", fields);

    [Fact]
    public async Task The_drive_page_shows_a_server_rendered_progress_bar_and_the_seeded_ledger()
    {
        var page = WebUtility.HtmlDecode(await NewBrowser().GetStringAsync($"/aid/{Drive}"));

        Assert.Contains("<progress value=\"29000\" max=\"1500000\">", page, StringComparison.Ordinal);
        Assert.Contains("days left", page, StringComparison.Ordinal);
        Assert.Contains("CHF", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src=\"http", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/aid/{Drive}/donate\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pledge_is_emailed_with_instructions_counts_only_when_a_coordinator_marks_it_received()
    {
        var donor = NewBrowser();
        var response = await DonateAsync(donor, ("Amount", "25.00"), ("Currency", "EUR"), ("Frequency", "OneTime"),
            ("Name", "Ada Pledger"), ("Email", "ada@example.org"), ("ShowNamePublicly", "true"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var thanks = response.Headers.Location!.OriginalString;
        Assert.StartsWith($"/aid/{Drive}/thanks/", thanks, StringComparison.Ordinal);
        Assert.Contains("Pledged", await donor.GetStringAsync(thanks), StringComparison.Ordinal);
        var email = await App.Smtp.WaitForAsync(m => m.To.ToString().Contains("ada@example.org", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Equal("How to pay your pledge", email.Subject);
        Assert.Contains("IBAN", email.TextBody, StringComparison.Ordinal);
        var donation = await App.WithDbAsync(db => db.Donations.SingleAsync(d => d.DonorEmail == "ada@example.org"));
        Assert.Equal(DonationStatus.Pledged, donation.Status);
        Assert.Equal(2500, donation.AmountMinor);
        Assert.False(await App.WithDbAsync(db => db.LedgerEntries.AnyAsync(e => e.DonationId == donation.Id)));

        var coordinator = await CoordinatorAsync("coord-pledge@example.org");
        var adminResponse = await coordinator.GetAsync($"/admin/aid/{Drive}");
        var admin = await adminResponse.Content.ReadAsStringAsync();
        Assert.True(adminResponse.IsSuccessStatusCode, admin);
        Assert.Contains("ada@example.org", admin, StringComparison.Ordinal);
        var marked = await PostFormAsync(coordinator, $"/admin/aid/{Drive}", $"/admin/aid/{Drive}/pledges/{donation.Id}/received");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        await PostFormAsync(coordinator, $"/admin/aid/{Drive}", $"/admin/aid/{Drive}/pledges/{donation.Id}/received");

        var entries = await App.WithDbAsync(db => db.LedgerEntries.Where(e => e.DonationId == donation.Id).ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal(2500, entry.AmountMinor);
        var receipt = await App.Smtp.WaitForAsync(m => m.Subject == "Your receipt" && m.To.ToString().Contains("ada@example.org", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Contains(entry.ReceiptNumber!, receipt.TextBody, StringComparison.Ordinal);
        Assert.Contains("Ada Pledger", WebUtility.HtmlDecode(await NewBrowser().GetStringAsync($"/aid/{Drive}/ledger")), StringComparison.Ordinal);
        Assert.Contains("Received", await donor.GetStringAsync(thanks), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-5", "EUR")]
    [InlineData("0", "EUR")]
    [InlineData("abc", "EUR")]
    [InlineData("25.555", "EUR")]
    [InlineData("99999999", "EUR")]
    [InlineData("0.50", "EUR")]
    [InlineData("25", "XYZ")]
    public async Task A_bad_amount_or_currency_is_refused_and_nothing_is_recorded(string amount, string currency)
    {
        var email = $"bad-{Guid.NewGuid():N}@example.org";
        var response = await DonateAsync(NewBrowser(), ("CustomAmount", amount), ("Currency", currency), ("Frequency", "OneTime"), ("Email", email));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains("validation-summary-errors", StringComparison.Ordinal), body);
        Assert.False(await App.WithDbAsync(db => db.Donations.AnyAsync(d => d.DonorEmail == email)));
    }

    [Fact]
    public async Task A_monthly_gift_without_card_payments_is_refused()
    {
        var response = await DonateAsync(NewBrowser(), ("Amount", "10.00"), ("Currency", "EUR"), ("Frequency", "Monthly"), ("Email", "monthly@example.org"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.Donations.AnyAsync(d => d.DonorEmail == "monthly@example.org")));
    }

    [Fact]
    public async Task The_same_form_sent_twice_is_one_pledge()
    {
        var browser = NewBrowser();
        var token = await AntiforgeryTokenAsync(browser, $"/aid/{Drive}/donate");
        var attempt = Guid.NewGuid().ToString();
        FormUrlEncodedContent Form() => new([
            KeyValuePair.Create("Amount", "50.00"), KeyValuePair.Create("Currency", "EUR"), KeyValuePair.Create("Email", "twice@example.org"),
            KeyValuePair.Create("Attempt", attempt), KeyValuePair.Create("__RequestVerificationToken", token)]);

        var first = await browser.PostAsync($"/aid/{Drive}/donate", Form());
        var second = await browser.PostAsync($"/aid/{Drive}/donate", Form());

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await App.WithDbAsync(db => db.Donations.CountAsync(d => d.DonorEmail == "twice@example.org")));
    }

    [Fact]
    public async Task Offline_gifts_in_two_currencies_are_kept_apart_and_anonymous_donors_stay_anonymous()
    {
        var coordinator = await CoordinatorAsync("coord-offline@example.org");
        var drive = await CreateDriveAsync(coordinator, "Seeds for the cooperative");

        await PostFormAsync(coordinator, $"/admin/aid/{drive}", $"/admin/aid/{drive}/gifts",
            ("Amount", "100"), ("Currency", "EUR"), ("Channel", "Cash"), ("DonorName", "Secret Sam"), ("DonorEmail", "sam@example.org"));
        await PostFormAsync(coordinator, $"/admin/aid/{drive}", $"/admin/aid/{drive}/gifts",
            ("Amount", "40"), ("Currency", "USD"), ("Channel", "Cheque"), ("DonorName", "Open Olga"), ("ShowNamePublicly", "true"));
        await PostFormAsync(coordinator, $"/admin/aid/{drive}", $"/admin/aid/{drive}/out",
            ("Amount", "30"), ("Currency", "EUR"), ("Description", "First transfer"));

        var ledger = WebUtility.HtmlDecode(await NewBrowser().GetStringAsync($"/aid/{drive}/ledger"));
        Assert.Contains("100.00 EUR", ledger, StringComparison.Ordinal);
        Assert.Contains("40.00 USD", ledger, StringComparison.Ordinal);
        Assert.DoesNotContain("140", ledger, StringComparison.Ordinal);
        Assert.Contains("Open Olga", ledger, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret Sam", ledger, StringComparison.Ordinal);
        Assert.DoesNotContain("sam@example.org", ledger, StringComparison.Ordinal);
        Assert.Contains("Anonymous", ledger, StringComparison.Ordinal);

        var csvResponse = await coordinator.GetAsync($"/admin/aid/{drive}/ledger.csv");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync());
        Assert.Contains("\"Secret Sam\",\"sam@example.org\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"-30.00\",\"EUR\"", csv, StringComparison.Ordinal);
        await App.Smtp.WaitForAsync(m => m.Subject == "Your receipt" && m.To.ToString().Contains("sam@example.org", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_reversed_entry_stays_in_the_ledger_and_the_total_drops()
    {
        var coordinator = await CoordinatorAsync("coord-reverse@example.org");
        var drive = await CreateDriveAsync(coordinator, "Tools for the workshop");
        await PostFormAsync(coordinator, $"/admin/aid/{drive}", $"/admin/aid/{drive}/gifts", ("Amount", "75"), ("Currency", "EUR"), ("Channel", "Cash"));
        var entryId = await App.WithDbAsync(db => db.LedgerEntries.Where(e => e.ExternalKey.StartsWith("offline:") && e.AmountMinor == 7500).Select(e => e.Id).SingleAsync());

        await PostFormAsync(coordinator, $"/admin/aid/{drive}", $"/admin/aid/{drive}/ledger/{entryId}/reverse");
        await PostFormAsync(coordinator, $"/admin/aid/{drive}", $"/admin/aid/{drive}/ledger/{entryId}/reverse");

        var driveId = await App.WithDbAsync(db => db.AidDrives.Where(d => d.Slug == drive).Select(d => d.Id).SingleAsync());
        var entries = await App.WithDbAsync(db => db.LedgerEntries.Where(e => e.AidDriveId == driveId).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.Equal(0, entries.Sum(e => e.AmountMinor));
    }

    [Fact]
    public async Task A_coordinator_creates_a_drive_which_stays_private_until_live()
    {
        var coordinator = await CoordinatorAsync("coord-create@example.org");
        var response = await PostFormAsync(coordinator, "/admin/aid/new", "/admin/aid/new",
            ("Title", "Solar lanterns for Goma"), ("PartnerSlug", "sante-pour-tous-kivu"), ("Goal", "5000"), ("Currency", "EUR"),
            ("StartsOn", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd")), ("SuggestedAmounts", "10 20"), ("Minimum", "2"), ("Maximum", "1000"), ("Status", "Draft"));
        Assert.Equal("/admin/aid/solar-lanterns-for-goma", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await NewBrowser().GetAsync("/aid/solar-lanterns-for-goma")).StatusCode);

        await PostFormAsync(coordinator, "/admin/aid/solar-lanterns-for-goma/edit", "/admin/aid/solar-lanterns-for-goma/edit",
            ("Title", "Solar lanterns for Goma"), ("PartnerSlug", "sante-pour-tous-kivu"), ("Goal", "5000"), ("Currency", "EUR"),
            ("StartsOn", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd")), ("SuggestedAmounts", "10 20"), ("Minimum", "2"), ("Maximum", "1000"), ("Status", "Live"));
        var page = WebUtility.HtmlDecode(await NewBrowser().GetStringAsync("/aid/solar-lanterns-for-goma"));
        Assert.Contains("<progress value=\"0\" max=\"500000\">", page, StringComparison.Ordinal);
        Assert.Contains("Solar lanterns for Goma", await NewBrowser().GetStringAsync("/aid"), StringComparison.Ordinal);

        var bad = await PostFormAsync(coordinator, "/admin/aid/new", "/admin/aid/new",
            ("Title", "Broken"), ("PartnerSlug", "sante-pour-tous-kivu"), ("Goal", "-3"), ("Currency", "EUR"), ("StartsOn", "2026-01-01"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("positive amount", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> CreateDriveAsync(HttpClient coordinator, string title)
    {
        var response = await PostFormAsync(coordinator, "/admin/aid/new", "/admin/aid/new",
            ("Title", title), ("PartnerSlug", "sante-pour-tous-kivu"), ("Goal", "1000"), ("Currency", "EUR"),
            ("StartsOn", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd")), ("Status", "Live"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString["/admin/aid/".Length..];
    }
}
