using System.Net;
using System.Text.RegularExpressions;
using Campaigns.Testing;
using Campaigns.Web.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Campaigns.IntegrationTests.Coalitions;

/// <summary>Points of unity, signing on and re-affirming, over HTTP, with the re-affirm request over real SMTP.</summary>
public sealed partial class CoalitionsTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    private const string Slug = "garment-workers-solidarity-network";
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_coalition_page_shows_who_endorses_the_current_version_and_who_only_an_earlier_one()
    {
        var html = WebUtility.HtmlDecode(await NewBrowser().GetStringAsync($"/coalitions/{Slug}"));

        var current = Section(html, "members-current");
        var earlier = Section(html, "members-earlier");
        Assert.Contains("Sindicato Textil del Norte", current, StringComparison.Ordinal);
        Assert.Contains("Clean Threads Campaign", current, StringComparison.Ordinal);
        Assert.Contains("Éthique sur l'étiquette", earlier, StringComparison.Ordinal);
        Assert.DoesNotContain("Éthique", current, StringComparison.Ordinal);
        Assert.Contains("data-version=\"2\"", html, StringComparison.Ordinal);

        // Signatories' names and emails are for coordinators only.
        Assert.DoesNotContain("marta.reyes@", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Marta Reyes", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_version_is_kept_and_the_change_is_shown_as_a_diff()
    {
        var html = WebUtility.HtmlDecode(await NewBrowser().GetStringAsync($"/coalitions/{Slug}/points?from=1&to=2"));

        Assert.Contains("<ins>collectively, without reprisals.\n</ins><del>collectively.\n</del>", html, StringComparison.Ordinal);
        Assert.Contains("<ins>and their buyers </ins>", html, StringComparison.Ordinal);
        Assert.Contains("Partner unions define the demands", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_an_old_version_or_signing_twice_is_refused_and_saves_nothing()
    {
        var browser = NewBrowser();
        var before = await App.WithDbAsync(db => db.CoalitionMembers.CountAsync());

        var old = await PostFormAsync(browser, $"/coalitions/{Slug}/sign", $"/coalitions/{Slug}/sign",
            ("OrganisationName", "Textile Workers Support Group"), ("SignerName", "Ana"), ("SignerEmail", "ana@twsg.example.org"), ("VersionNumber", "1"), ("ListPublicly", "true"));
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Contains("The points of unity changed while you were reading", await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await App.WithDbAsync(db => db.CoalitionMembers.CountAsync()));

        var signed = await PostFormAsync(browser, $"/coalitions/{Slug}/sign", $"/coalitions/{Slug}/sign",
            ("OrganisationName", "Textile Workers Support Group"), ("SignerName", "Ana"), ("SignerEmail", "ana@twsg.example.org"), ("VersionNumber", "2"), ("ListPublicly", "true"));
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var member = await App.WithDbAsync(db => db.CoalitionMembers.Include(m => m.Endorsements).SingleAsync(m => m.Slug == "textile-workers-support-group"));
        Assert.False(member.Approved);
        Assert.Single(member.Endorsements);
        Assert.Equal("ana@twsg.example.org", member.Endorsements[0].SignerEmail);

        // Not listed until a coordinator approves the sign-on.
        Assert.DoesNotContain("Textile Workers Support Group", await browser.GetStringAsync($"/coalitions/{Slug}"), StringComparison.Ordinal);

        var twice = await PostFormAsync(browser, $"/coalitions/{Slug}/sign", $"/coalitions/{Slug}/sign",
            ("OrganisationName", "Textile workers support group"), ("SignerName", "Someone"), ("SignerEmail", "x@example.org"), ("VersionNumber", "2"));
        Assert.Contains("This organisation has already signed this version.", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.Endorsements.CountAsync(e => e.MemberId == member.Id)));
        Assert.Equal(before + 1, await App.WithDbAsync(db => db.CoalitionMembers.CountAsync()));

        // An existing member cannot be signed for through the public form, only through its signatory's link.
        var impersonation = await PostFormAsync(browser, $"/coalitions/{Slug}/sign", $"/coalitions/{Slug}/sign",
            ("OrganisationName", "Collectif Éthique sur l'étiquette"), ("SignerName", "Mallory"), ("SignerEmail", "m@example.org"), ("VersionNumber", "2"));
        Assert.Contains("Its signatory received a link", WebUtility.HtmlDecode(await impersonation.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_that_did_not_agree_to_be_listed_is_not_on_the_public_page()
    {
        await App.WithDbAsync(db => db.CoalitionMembers.Where(m => m.Slug == "clean-threads-campaign").ExecuteUpdateAsync(s => s.SetProperty(m => m.ListPublicly, false)));
        try
        {
            Assert.DoesNotContain("Clean Threads", await NewBrowser().GetStringAsync($"/coalitions/{Slug}"), StringComparison.Ordinal);
        }
        finally
        {
            await App.WithDbAsync(db => db.CoalitionMembers.Where(m => m.Slug == "clean-threads-campaign").ExecuteUpdateAsync(s => s.SetProperty(m => m.ListPublicly, true)));
        }
    }

    private static string Section(string html, string cssClass)
    {
        var start = html.IndexOf($"class=\"{cssClass}\"", StringComparison.Ordinal);
        return start < 0 ? "" : html[start..html.IndexOf("</ul>", start, StringComparison.Ordinal)];
    }

    private static bool To(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));

    private static string Link(MimeMessage message, string path) =>
        new Uri(LinkPattern().Matches(message.TextBody ?? "").Select(m => m.Value).First(v => v.Contains(path, StringComparison.Ordinal))).PathAndQuery;

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
