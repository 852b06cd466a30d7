using System.Net;
using Campaigns.Testing;
using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.IntegrationTests.Aid;

public sealed class GoodsTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    private const string Drive = "clinic-supplies-north-kivu";

    private async Task<HttpClient> SignedInAsync(string email, string role, string? partnerSlug = null)
    {
        var user = await TestUsers.CreateAsync(App, email, role);
        if (partnerSlug is not null)
        {
            await App.WithDbAsync(async db =>
            {
                var partnerId = await db.Partners.Where(p => p.Slug == partnerSlug).Select(p => p.Id).SingleAsync();
                return await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PartnerOrganisationId, partnerId));
            });
        }

        var browser = NewBrowser();
        await SignInAsync(browser, email, TestUsers.Password);
        return browser;
    }

    private static void AssertDenied(HttpResponseMessage response) =>
        Assert.Contains("/account/denied", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);

    [Fact]
    public async Task Goods_go_from_the_partners_need_to_a_pledge_a_receipt_a_shipment_and_a_confirmed_arrival()
    {
        var partner = await SignedInAsync("partner-kivu@example.org", Roles.Partner, "sante-pour-tous-kivu");
        var added = await PostFormAsync(partner, $"/aid/{Drive}/goods", $"/aid/{Drive}/goods/needs",
            ("Item", "Vaccine cool boxes"), ("Quantity", "10"), ("Unit", "pieces"), ("Priority", "High"), ("Notes", "5 litres or more"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var item = await App.WithDbAsync(db => db.NeedItems.SingleAsync(n => n.Item == "Vaccine cool boxes"));

        var donor = NewBrowser();
        var over = await PostFormAsync(donor, $"/aid/{Drive}", $"/aid/{Drive}/goods/{item.Id}/pledge", ("Quantity", "11"), ("Email", "goods@example.org"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, over.StatusCode);
        Assert.Contains("at most what is still needed", await over.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var pledged = await PostFormAsync(donor, $"/aid/{Drive}", $"/aid/{Drive}/goods/{item.Id}/pledge", ("Quantity", "6"), ("Name", "Goods Giver"), ("Email", "goods@example.org"));
        Assert.Equal(HttpStatusCode.Redirect, pledged.StatusCode);
        var second = await PostFormAsync(donor, $"/aid/{Drive}", $"/aid/{Drive}/goods/{item.Id}/pledge", ("Quantity", "5"), ("Email", "goods2@example.org"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        var pledge = await App.WithDbAsync(db => db.GoodsPledges.SingleAsync(p => p.NeedItemId == item.Id));

        var coordinator = await SignedInAsync("coord-goods@example.org", Roles.Coordinator);
        AssertDenied((await PostFormAsync(partner, $"/aid/{Drive}/goods", $"/aid/{Drive}/goods/pledges/{pledge.Id}/received")));
        var thanks = await App.Smtp.WaitForAsync(m => m.Subject == "Thank you for your pledge of goods" && m.To.ToString().Contains("goods@example.org", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Contains("6 pieces of Vaccine cool boxes", thanks.TextBody, StringComparison.Ordinal);
        await PostFormAsync(coordinator, $"/aid/{Drive}/goods", $"/aid/{Drive}/goods/pledges/{pledge.Id}/received", ("CollectionPoint", "Lille union hall"), ("DeclaredValue", "180"));
        await PostFormAsync(coordinator, $"/aid/{Drive}/goods", $"/aid/{Drive}/goods/pledges/{pledge.Id}/received", ("CollectionPoint", "Lille union hall"), ("DeclaredValue", "180"));
        var goodsIn = Assert.Single(await App.WithDbAsync(db => db.LedgerEntries.Where(e => e.ExternalKey == "goods-received:" + pledge.Id).ToListAsync()));
        Assert.Equal(LedgerEntryKind.GoodsIn, goodsIn.Kind);
        Assert.Equal(18000, goodsIn.AmountMinor);
        var arrived = await App.Smtp.WaitForAsync(m => m.Subject == "Your goods have arrived" && m.To.ToString().Contains("goods@example.org", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Contains("Lille union hall", arrived.TextBody, StringComparison.Ordinal);
        await PostFormAsync(coordinator, $"/aid/{Drive}/goods", $"/aid/{Drive}/goods/shipments",
            ("Carrier", "Solidarity Freight"), ("TrackingReference", "SF-123"), ("CustomsValue", "420"), ("Currency", "EUR"));
        var shipment = await App.WithDbAsync(db => db.Shipments.SingleAsync(s => s.Carrier == "Solidarity Freight"));
        var packing = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/aid/{Drive}/goods/shipments/{shipment.Id}/packing-list"));
        Assert.Contains("Vaccine cool boxes", packing, StringComparison.Ordinal);
        Assert.Contains("<td>6</td>", packing, StringComparison.Ordinal);
        await PostFormAsync(coordinator, $"/aid/{Drive}/goods", $"/aid/{Drive}/goods/shipments/{shipment.Id}/shipped");
        await PostFormAsync(coordinator, $"/aid/{Drive}/goods", $"/aid/{Drive}/goods/shipments/{shipment.Id}/shipped");

        AssertDenied((await PostFormAsync(coordinator, $"/aid/{Drive}/goods", $"/aid/{Drive}/goods/shipments/{shipment.Id}/arrived", ("notes", "x"))));
        await PostFormAsync(partner, $"/aid/{Drive}/goods", $"/aid/{Drive}/goods/shipments/{shipment.Id}/arrived", ("notes", "All boxes intact"));

        var done = await App.WithDbAsync(db => db.Shipments.SingleAsync(s => s.Id == shipment.Id));
        Assert.NotNull(done.ShippedAt);
        Assert.NotNull(done.ArrivedAt);
        Assert.Equal("All boxes intact", done.ArrivalNotes);
        var goodsOut = Assert.Single(await App.WithDbAsync(db => db.LedgerEntries.Where(e => e.ExternalKey == "shipment:" + shipment.Id).ToListAsync()));
        Assert.Equal(LedgerEntryKind.GoodsOut, goodsOut.Kind);
        Assert.Equal(-42000, goodsOut.AmountMinor);
        var page = WebUtility.HtmlDecode(await NewBrowser().GetStringAsync($"/aid/{Drive}"));
        Assert.Contains("Vaccine cool boxes", page, StringComparison.Ordinal);
        Assert.Contains("Solar lanterns", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_of_another_organisation_cannot_touch_this_drives_goods()
    {
        var other = await SignedInAsync("partner-other@example.org", Roles.Partner, "tierra-y-libertad");

        AssertDenied((await other.GetAsync($"/aid/{Drive}/goods")));
        var token = await AntiforgeryTokenAsync(other, "/account");
        var response = await other.PostAsync($"/aid/{Drive}/goods/needs", new FormUrlEncodedContent([
            KeyValuePair.Create("Item", "Intruder item"), KeyValuePair.Create("Quantity", "1"), KeyValuePair.Create("Unit", "pieces"),
            KeyValuePair.Create("__RequestVerificationToken", token)]));
        AssertDenied(response);
        Assert.False(await App.WithDbAsync(db => db.NeedItems.AnyAsync(n => n.Item == "Intruder item")));
    }

    [Fact]
    public async Task The_partner_edits_and_removes_needs_but_never_below_what_was_pledged()
    {
        var partner = await SignedInAsync("partner-edit@example.org", Roles.Partner, "sante-pour-tous-kivu");
        await PostFormAsync(partner, $"/aid/{Drive}/goods", $"/aid/{Drive}/goods/needs", ("Item", "Stretchers"), ("Quantity", "8"), ("Unit", "pieces"));
        await PostFormAsync(partner, $"/aid/{Drive}/goods", $"/aid/{Drive}/goods/needs", ("Item", "Typo item"), ("Quantity", "1"), ("Unit", "pieces"));
        var item = await App.WithDbAsync(db => db.NeedItems.SingleAsync(n => n.Item == "Stretchers"));
        await PostFormAsync(NewBrowser(), $"/aid/{Drive}", $"/aid/{Drive}/goods/{item.Id}/pledge", ("Quantity", "3"), ("Email", "stretcher@example.org"));

        await PostFormAsync(partner, $"/aid/{Drive}/goods", $"/aid/{Drive}/goods/needs/{item.Id}", ("Item", "Folding stretchers"), ("Quantity", "2"), ("Unit", "pieces"), ("Priority", "Urgent"));
        Assert.Contains("lower than what donors have already pledged", WebUtility.HtmlDecode(await partner.GetStringAsync($"/aid/{Drive}/goods")), StringComparison.Ordinal);
        await PostFormAsync(partner, $"/aid/{Drive}/goods", $"/aid/{Drive}/goods/needs/{item.Id}", ("Item", "Folding stretchers"), ("Quantity", "5"), ("Unit", "pieces"), ("Priority", "Urgent"));
        await PostFormAsync(partner, $"/aid/{Drive}/goods", $"/aid/{Drive}/goods/needs/{item.Id}/remove");
        var typo = await App.WithDbAsync(db => db.NeedItems.SingleAsync(n => n.Item == "Typo item"));
        await PostFormAsync(partner, $"/aid/{Drive}/goods", $"/aid/{Drive}/goods/needs/{typo.Id}/remove");

        var edited = await App.WithDbAsync(db => db.NeedItems.SingleAsync(n => n.Id == item.Id));
        Assert.Equal(("Folding stretchers", 5, NeedPriority.Urgent), (edited.Item, edited.Quantity, edited.Priority));
        Assert.False(await App.WithDbAsync(db => db.NeedItems.AnyAsync(n => n.Id == typo.Id)));
    }

    [Fact]
    public async Task Donors_racing_for_the_last_items_never_get_more_than_is_needed_and_never_an_error()
    {
        var partner = await SignedInAsync("partner-race@example.org", Roles.Partner, "sante-pour-tous-kivu");
        await PostFormAsync(partner, $"/aid/{Drive}/goods", $"/aid/{Drive}/goods/needs", ("Item", "Water filters"), ("Quantity", "3"), ("Unit", "pieces"));
        var item = await App.WithDbAsync(db => db.NeedItems.SingleAsync(n => n.Item == "Water filters"));

        var donors = Enumerable.Range(0, 8).Select(_ => NewBrowser()).ToList();
        var tokens = await Task.WhenAll(donors.Select(d => AntiforgeryTokenAsync(d, $"/aid/{Drive}")));
        var responses = await Task.WhenAll(donors.Select((d, i) => d.PostAsync($"/aid/{Drive}/goods/{item.Id}/pledge", new FormUrlEncodedContent([
            KeyValuePair.Create("Quantity", "1"), KeyValuePair.Create("Email", $"racer{i}@example.org"), KeyValuePair.Create("__RequestVerificationToken", tokens[i])]))));

        // Each donor is either thanked or told why not (nothing left, or try again); none sees an error page.
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.UnprocessableEntity }));
        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.InRange(accepted, 1, 3);
        Assert.Equal(accepted, await App.WithDbAsync(db => db.GoodsPledges.Where(p => p.NeedItemId == item.Id).SumAsync(p => p.Quantity)));
    }
}
