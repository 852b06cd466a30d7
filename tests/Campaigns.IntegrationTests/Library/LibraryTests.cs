using System.Net;
using System.Text;
using Campaigns.Testing;
using Campaigns.Web.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.IntegrationTests.Library;

public sealed class LibraryTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    [Theory]
    [InlineData("/library?q=WAGE", new[] { "Stitched together", "The wage gap" })]
    [InlineData("/library?topic=land%20rights", new[] { "Defending the land" })]
    [InlineData("/library?language=French", new[] { "Stitched together" })]
    [InlineData("/library?country=GT", new[] { "Defending the land" })]
    [InlineData("/library?kind=Report", new[] { "The wage gap" })]
    [InlineData("/library?partner=sindicato-textil-norte", new[] { "Stitched together", "The wage gap" })]
    public async Task The_library_is_searched_by_words_and_narrowed_by_tags(string url, string[] expected)
    {
        var page = WebUtility.HtmlDecode(await NewBrowser().GetStringAsync(url));

        var titles = new[] { "Stitched together", "The wage gap", "Defending the land" };
        foreach (var title in titles)
        {
            Assert.Equal(expected.Contains(title), page.Contains(title, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_tour_and_its_events_link_to_what_to_watch_before_you_come()
    {
        var browser = NewBrowser();
        var tour = WebUtility.HtmlDecode(await browser.GetStringAsync("/tours/voices-from-the-maquilas-2026"));

        Assert.Contains("Watch before you come", tour, StringComparison.Ordinal);
        Assert.Contains("https://video.example.org/stitched-together", tour, StringComparison.Ordinal);
        Assert.DoesNotContain("Defending the land", tour, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_uploads_a_PDF_that_the_public_can_download_and_a_file_that_is_not_a_PDF_is_refused()
    {
        await TestUsers.CreateAsync(App, "coord-lib@example.org", Roles.Coordinator);
        var browser = NewBrowser();
        await SignInAsync(browser, "coord-lib@example.org", TestUsers.Password);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

        var refused = await UploadAsync(browser, "Not a pdf", Encoding.ASCII.GetBytes("MZ this is an executable"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Upload a PDF file of at most 20 MB.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.LibraryItems.AnyAsync(i => i.Title == "Not a pdf")));

        var saved = await UploadAsync(browser, "Organising manual", pdf);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var download = await NewBrowser().GetAsync("/library/organising-manual/file");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("/library/organising-manual/file", await NewBrowser().GetStringAsync("/library?q=manual"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supporter_cannot_edit_the_library()
    {
        await TestUsers.CreateAsync(App, "supporter-lib@example.org", Roles.Supporter);
        var browser = NewBrowser();
        await SignInAsync(browser, "supporter-lib@example.org", TestUsers.Password);

        var response = await browser.GetAsync("/admin/library/new");

        Assert.Contains("/account/denied", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string title, byte[] file)
    {
        var token = await AntiforgeryTokenAsync(browser, "/admin/library/new");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Publication"), "Kind" },
            { new StringContent(title), "Title" },
            { new StringContent("English"), "Language" },
            { new StringContent("organising, manual"), "Topics" },
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(part, "Pdf", "upload.pdf");
        return await browser.PostAsync("/admin/library/new", content);
    }
}
