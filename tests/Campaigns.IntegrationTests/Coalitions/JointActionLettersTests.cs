using System.Net;
using System.Text.RegularExpressions;
using Campaigns.Testing;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Features.Coalitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.IntegrationTests.Coalitions;

/// <summary>Letters written for a co-sponsored urgent action count for the member whose share link brought the activist.</summary>
public sealed partial class JointActionLettersTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    private const string Slug = "garment-workers-solidarity-network";
    private const string Action = "river-defenders-threatened";

    [Fact]
    public async Task An_activist_who_arrives_through_one_member_and_sends_a_letter_counts_for_that_member_only()
    {
        var actionId = await App.WithDbAsync(db => db.JointActions.Where(a => a.ProgrammeSlug == Action).Select(a => a.Id).SingleAsync());
        var union = await App.MemberIdAsync("sindicato-textil-del-norte");
        var cleanThreads = await App.MemberIdAsync("clean-threads-campaign");
        var before = await App.JointTotalsAsync(actionId);

        // The union's share link, then the link to the action itself, then the act form: "via" travels all the way.
        var browser = NewBrowser();
        var joint = await browser.GetStringAsync($"/coalitions/{Slug}/actions/{actionId}?via=sindicato-textil-del-norte");
        Assert.Contains($"href=\"/alerts/{Action}?via=sindicato-textil-del-norte\"", joint, StringComparison.Ordinal);
        var actionPage = $"/alerts/{Action}?via=sindicato-textil-del-norte";
        var act = ActForm(await browser.GetStringAsync(actionPage));
        Assert.Contains("via=sindicato-textil-del-norte", act, StringComparison.Ordinal);
        var sent = await PostFormAsync(browser, actionPage, act, ("kind", "Letter"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("via=sindicato-textil-del-norte", sent.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // A call through the other co-sponsor is not a letter: it adds nothing to anyone's letters.
        var other = NewBrowser();
        var otherPage = $"/alerts/{Action}?via=clean-threads-campaign";
        await PostFormAsync(other, otherPage, ActForm(await other.GetStringAsync(otherPage)), ("kind", "Call"));

        Assert.Equal(ActionKind.Letter, Assert.Single(await App.WithDbAsync(db => db.ActionsTaken.Where(a => a.ViaMemberId == union).ToListAsync())).Kind);
        Assert.Equal(ActionKind.Call, Assert.Single(await App.WithDbAsync(db => db.ActionsTaken.Where(a => a.ViaMemberId == cleanThreads).ToListAsync())).Kind);

        var totals = await App.JointTotalsAsync(actionId);
        Assert.Equal(before.LettersSent + 1, totals.LettersSent);
        Assert.Equal(1, totals.Sponsors.Single(s => s.MemberId == union).LettersSent);
        Assert.Equal(0, totals.Sponsors.Single(s => s.MemberId == cleanThreads).LettersSent);

        // The union's own page shows its letters beside everyone's, and its share link.
        var partnerId = await App.WithDbAsync(db => db.Partners.Where(p => p.Slug == "sindicato-textil-norte").Select(p => p.Id).SingleAsync());
        var user = await TestUsers.CreateAsync(App, "union-letters@example.org", Roles.Partner);
        await App.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PartnerOrganisationId, partnerId)));
        var partner = NewBrowser();
        await SignInAsync(partner, "union-letters@example.org", TestUsers.Password);
        var own = await partner.GetStringAsync($"/coalitions/{Slug}/actions/{actionId}/supporters");
        Assert.Contains($"data-count=\"combined-letters\">{totals.LettersSent}<", own, StringComparison.Ordinal);
        Assert.Contains("data-count=\"own-letters\">1<", own, StringComparison.Ordinal);
        Assert.Contains($"/coalitions/{Slug}/actions/{actionId}?via=sindicato-textil-del-norte", own, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("collectif-ethique-sur-l-etiquette")] // a coalition member, but not a co-sponsor of this action
    [InlineData("nobody-at-all")]
    public async Task A_via_that_names_no_co_sponsor_is_ignored_and_the_letter_still_counts(string via)
    {
        var actionId = await App.WithDbAsync(db => db.JointActions.Where(a => a.ProgrammeSlug == Action).Select(a => a.Id).SingleAsync());
        var before = await App.JointTotalsAsync(actionId);
        var browser = NewBrowser();
        var page = $"/alerts/{Action}?via={via}";

        var sent = await PostFormAsync(browser, page, ActForm(await browser.GetStringAsync(page)), ("kind", "Letter"));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var after = await App.JointTotalsAsync(actionId);
        Assert.Equal(before.LettersSent + 1, after.LettersSent);
        Assert.Equal(before.Sponsors.Sum(s => s.LettersSent), after.Sponsors.Sum(s => s.LettersSent));
        var latest = await App.WithDbAsync(db => db.ActionsTaken.OrderByDescending(a => a.CreatedAt).FirstAsync());
        Assert.Null(latest.ViaMemberId);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(sent.Headers.Location!.OriginalString)).StatusCode);
    }

    private static string ActForm(string html) =>
        WebUtility.HtmlDecode(ActFormPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No act form"));

    [GeneratedRegex("action=\"(/alerts/[a-z0-9-]+/act\\?[^\"]*)\"")]
    private static partial Regex ActFormPattern();
}
