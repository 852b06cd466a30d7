using System.Net;
using System.Text.RegularExpressions;
using Campaigns.Testing;
using Campaigns.Web.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Campaigns.IntegrationTests.Coalitions;

/// <summary>A new version of the points of unity, and re-affirming it: a class of its own, since it changes the current version.</summary>
public sealed partial class ReaffirmTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    private const string Slug = "garment-workers-solidarity-network";
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_new_version_asks_each_signatory_to_reaffirm_and_the_link_records_the_new_signature()
    {
        var coordinator = NewBrowser();
        await TestUsers.CreateAsync(App, "coord-coalitions@example.org", Roles.Coordinator);
        await SignInAsync(coordinator, "coord-coalitions@example.org", TestUsers.Password);
        var text = "1. Workers in the export zones have the right to organise and bargain collectively, without reprisals.\n"
                   + "2. Brands and their buyers are responsible for conditions throughout their supply chains.\n"
                   + "3. We act together on urgent cases and share what we learn.\n"
                   + "4. Partner unions define the demands; solidarity groups support them.\n"
                   + "5. Women workers lead our campaigns on harassment.";
        var published = await PostFormAsync(coordinator, $"/admin/coalitions/{Slug}", $"/admin/coalitions/{Slug}/versions", ("Text", text), ("ChangeNote", "Point 5 added."));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(3, await App.WithDbAsync(db => db.PointsOfUnityVersions.Where(v => db.Coalitions.Any(c => c.Id == v.CoalitionId && c.Slug == Slug)).MaxAsync(v => v.Number)));

        var request = await App.Smtp.WaitForAsync(m => To(m, "marta.reyes@sindicato-textil.example.org"), MailTimeout);
        await App.Smtp.WaitForAsync(m => To(m, "camille@collectif-etiquette.example.org"), MailTimeout);
        Assert.Equal("Los puntos de unidad cambiaron: por favor, reafírmelos", request.Subject);
        Assert.Equal("The points of unity changed: please re-affirm", (await App.Smtp.WaitForAsync(m => To(m, "owen@cleanthreads.example.org"), MailTimeout)).Subject);

        // Nobody endorses version 3 yet: everyone is now "earlier only".
        var page = await NewBrowser().GetStringAsync($"/coalitions/{Slug}");
        Assert.DoesNotContain("Sindicato", Section(page, "members-current"), StringComparison.Ordinal);
        Assert.Contains("Sindicato Textil del Norte", Section(page, "members-earlier"), StringComparison.Ordinal);

        var link = Link(request, $"/coalitions/{Slug}/reaffirm/");
        var signatory = NewBrowser();
        var reaffirmPage = WebUtility.HtmlDecode(await signatory.GetStringAsync(link));
        Assert.Matches("<ins>[^<]*5. Women workers lead our campaigns on harassment.</ins>", reaffirmPage);
        Assert.Contains("Point 5 added.", WebUtility.HtmlDecode(request.TextBody), StringComparison.Ordinal);

        var stale = await PostFormAsync(signatory, link, link, ("versionNumber", "2"));
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        var reaffirmed = await PostFormAsync(signatory, link, link, ("versionNumber", "3"));
        Assert.Equal(HttpStatusCode.Redirect, reaffirmed.StatusCode);
        var again = await PostFormAsync(signatory, link, link, ("versionNumber", "3"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        var signatures = await App.WithDbAsync(db => db.Endorsements
            .Where(e => db.CoalitionMembers.Any(m => m.Id == e.MemberId && m.Slug == "sindicato-textil-del-norte"))
            .Join(db.PointsOfUnityVersions, e => e.VersionId, v => v.Id, (e, v) => new { v.Number, e.SignerName })
            .OrderBy(x => x.Number).ToListAsync());
        Assert.Equal([1, 2, 3], signatures.Select(s => s.Number));
        Assert.All(signatures, s => Assert.Equal("Marta Reyes", s.SignerName));

        page = await NewBrowser().GetStringAsync($"/coalitions/{Slug}");
        Assert.Contains("Sindicato Textil del Norte", Section(page, "members-current"), StringComparison.Ordinal);
        Assert.Contains("Clean Threads Campaign", Section(page, "members-earlier"), StringComparison.Ordinal);

        var forged = await NewBrowser().GetStringAsync($"/coalitions/{Slug}/reaffirm/not-a-token");
        Assert.Contains("This link no longer works", forged, StringComparison.Ordinal);
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
