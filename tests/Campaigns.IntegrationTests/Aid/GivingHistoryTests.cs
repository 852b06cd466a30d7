using System.Net;
using System.Text.RegularExpressions;
using Campaigns.Testing;
using Campaigns.Web.Domain.Identity;

namespace Campaigns.IntegrationTests.Aid;

public sealed partial class GivingHistoryTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    private const string Drive = "clinic-supplies-north-kivu";

    [Fact]
    public async Task A_donor_gets_a_signed_link_to_their_history_and_a_yearly_statement_and_a_forged_link_shows_nothing()
    {
        await TestUsers.CreateAsync(App, "coord-history@example.org", Roles.Coordinator);
        var coordinator = NewBrowser();
        await SignInAsync(coordinator, "coord-history@example.org", TestUsers.Password);
        await PostFormAsync(coordinator, $"/admin/aid/{Drive}", $"/admin/aid/{Drive}/gifts",
            ("Amount", "60"), ("Currency", "EUR"), ("Channel", "BankTransfer"), ("DonorName", "History Hana"), ("DonorEmail", "hana@example.org"));

        var asked = await PostFormAsync(NewBrowser(), "/aid/giving", "/aid/giving", ("email", "Hana@Example.org"));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        await PostFormAsync(NewBrowser(), "/aid/giving", "/aid/giving", ("email", "never-gave@example.org"));

        var email = await App.Smtp.WaitForAsync(m => m.Subject == "Your giving history", TimeSpan.FromSeconds(20));
        Assert.Contains("hana@example.org", email.To.ToString(), StringComparison.Ordinal);
        var link = new Uri(LinkPattern().Match(email.TextBody ?? "").Value);
        var page = WebUtility.HtmlDecode(await NewBrowser().GetStringAsync(link.PathAndQuery));
        Assert.Contains("60.00 EUR", page, StringComparison.Ordinal);
        Assert.Contains("Clinic supplies for North Kivu", page, StringComparison.Ordinal);

        var year = DateTime.UtcNow.Year;
        var csv = await NewBrowser().GetStringAsync($"{link.PathAndQuery}/statement/{year}.csv");
        Assert.Contains("\"60.00\",\"EUR\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"Total\"", csv, StringComparison.Ordinal);

        var forged = WebUtility.HtmlDecode(await NewBrowser().GetStringAsync("/aid/giving/" + link.Segments[^1][..^4] + "AAAA"));
        Assert.DoesNotContain("60.00 EUR", forged, StringComparison.Ordinal);
        Assert.Contains("expired", forged, StringComparison.Ordinal);
        Assert.DoesNotContain(App.Smtp.Messages, m => m.To.ToString().Contains("never-gave@example.org", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signed_in_donor_sees_their_giving_from_their_account_and_nobody_elses()
    {
        await TestUsers.CreateAsync(App, "coord-mine@example.org", Roles.Coordinator);
        var coordinator = NewBrowser();
        await SignInAsync(coordinator, "coord-mine@example.org", TestUsers.Password);
        await PostFormAsync(coordinator, $"/admin/aid/{Drive}", $"/admin/aid/{Drive}/gifts",
            ("Amount", "35"), ("Currency", "EUR"), ("Channel", "Cash"), ("DonorName", "Account Ama"), ("DonorEmail", "ama@example.org"));
        await PostFormAsync(coordinator, $"/admin/aid/{Drive}", $"/admin/aid/{Drive}/gifts",
            ("Amount", "77"), ("Currency", "EUR"), ("Channel", "Cash"), ("DonorName", "Someone Else"), ("DonorEmail", "else@example.org"));
        await TestUsers.CreateAsync(App, "ama@example.org", Roles.Supporter);
        var ama = NewBrowser();
        await SignInAsync(ama, "ama@example.org", TestUsers.Password);

        Assert.Contains("/aid/giving/mine", await ama.GetStringAsync("/account"), StringComparison.Ordinal);
        var mine = await ama.GetAsync("/aid/giving/mine");
        var page = WebUtility.HtmlDecode(await ama.GetStringAsync(mine.Headers.Location!.OriginalString));

        Assert.Contains("35.00 EUR", page, StringComparison.Ordinal);
        Assert.DoesNotContain("77.00 EUR", page, StringComparison.Ordinal);
        Assert.Contains("/account/signin", (await NewBrowser().GetAsync("/aid/giving/mine")).Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"http\S+/aid/giving/\S+")]
    private static partial Regex LinkPattern();
}
