using System.Net;
using Campaigns.Testing;
using Campaigns.Web.Domain.Identity;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Campaigns.IntegrationTests.Security;

public sealed class WebHardeningTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    /// <summary>As a visitor reaches the site in production: over HTTPS, on a real host name.</summary>
    private HttpClient HttpsBrowser() => App.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("https://campaigns.example"),
    });

    [Theory]
    [InlineData("/")]
    [InlineData("/alerts/subscribe")]
    [InlineData("/account/signin")]
    public async Task Every_page_carries_the_security_headers(string url)
    {
        var response = await HttpsBrowser().GetAsync(url);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_cookie_is_secure_http_only_and_same_site()
    {
        await TestUsers.CreateAsync(App, "cookie@example.org", Roles.Supporter);
        var browser = HttpsBrowser();

        var response = await SignInAsync(browser, "cookie@example.org", TestUsers.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("campaigns.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", cookie, StringComparison.Ordinal);
        Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("; samesite=lax", cookie, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    public async Task Signing_in_never_redirects_to_another_site(string returnUrl)
    {
        var email = $"redirect-{Guid.NewGuid():N}@example.org";
        await TestUsers.CreateAsync(App, email, Roles.Supporter);
        var browser = NewBrowser();

        var response = await PostFormAsync(browser, "/account/signin", "/account/signin",
            ("Email", email), ("Password", TestUsers.Password), ("ReturnUrl", returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Error_pages_reveal_nothing_about_the_server()
    {
        var response = await NewBrowser().GetAsync("/tours/no-such-tour");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("at Campaigns.", body, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server") && response.Headers.Server.ToString().Contains("Kestrel", StringComparison.Ordinal));
    }
}
