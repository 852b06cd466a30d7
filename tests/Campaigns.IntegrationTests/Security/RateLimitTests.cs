using System.Net;
using Campaigns.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Campaigns.IntegrationTests.Security;

public sealed class StrictRateLimitsFactory : CampaignsAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:SignInPerMinute", "3");
        builder.UseSetting("RateLimits:AccountEmailsPerMinute", "2");
    }
}

public sealed class RateLimitTests(StrictRateLimitsFactory app) : AppTestBase(app), IClassFixture<StrictRateLimitsFactory>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_a_friendly_429_page()
    {
        var browser = NewBrowser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await SignInAsync(browser, $"someone{i}@example.org", "not a real password")).StatusCode);
        }

        var refused = await SignInAsync(browser, "someone@example.org", "not a real password");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Please wait a minute", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_reset_requests_beyond_the_limit_are_refused_and_send_nothing_more()
    {
        var browser = NewBrowser();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostFormAsync(browser, "/account/forgot-password", "/account/forgot-password", ("Email", App.AdminEmail))).StatusCode);
        }

        var third = await PostFormAsync(browser, "/account/forgot-password", "/account/forgot-password", ("Email", App.AdminEmail));

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(2, await App.WithDbAsync(db => Task.FromResult(db.QueuedEmails.Count(e => e.Kind == "account-reset"))));
    }

    [Fact]
    public async Task Reading_the_sign_in_page_is_not_limited()
    {
        var browser = NewBrowser();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/signin")).StatusCode);
        }
    }
}
