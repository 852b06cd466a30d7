using System.Net;
using Campaigns.Testing;
using Campaigns.Web.Data.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.IntegrationTests.Home;

public sealed class HomePageTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    [Fact]
    public async Task The_home_page_lists_the_live_programmes_of_the_demo_data_with_links_to_each()
    {
        var html = WebUtility.HtmlDecode(await NewBrowser().GetStringAsync("/"));

        Assert.Contains("href=\"/tours/voices-from-the-maquilas-2026\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/aid/clinic-supplies-north-kivu\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/assistance/secure-communications-training\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/alerts/river-defenders-threatened\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_pages_name_a_protected_partner_only_by_its_public_name()
    {
        var home = WebUtility.HtmlDecode(await NewBrowser().GetStringAsync("/"));
        var request = WebUtility.HtmlDecode(await NewBrowser().GetStringAsync("/assistance/secure-communications-training"));

        foreach (var page in new[] { home, request })
        {
            Assert.Contains("A peasant movement in Guatemala", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Movimiento Campesino Tierra y Libertad", page, StringComparison.Ordinal);
            Assert.DoesNotContain("ixchel@tierra.example", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_home_page_speaks_spanish_to_a_spanish_browser()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd("es-ES,es;q=0.9");

        var html = await (await NewBrowser().SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("lang=\"es\"", html, StringComparison.Ordinal);
        Assert.Contains("Giras de oradores", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loading_the_demo_data_again_adds_nothing()
    {
        var before = await App.WithDbAsync(db => Task.FromResult(db.Partners.Count() + db.Tours.Count() + db.AidDrives.Count()));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(DemoDataSeeder.DefaultFolder, CancellationToken.None);
        }

        var after = await App.WithDbAsync(db => Task.FromResult(db.Partners.Count() + db.Tours.Count() + db.AidDrives.Count()));
        Assert.Equal(before, after);
    }
}
