using System.Net;
using Campaigns.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Campaigns.IntegrationTests.Privacy;

public sealed class PrivacyRateLimitsFactory : CampaignsAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:AccountEmailsPerMinute", "2");
    }
}

public sealed class PrivacyRateLimitTests(PrivacyRateLimitsFactory app) : AppTestBase(app), IClassFixture<PrivacyRateLimitsFactory>
{
    [Fact]
    public async Task Privacy_link_requests_beyond_the_limit_get_429_and_send_nothing_more()
    {
        var browser = NewBrowser();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(browser, "/privacy", "/privacy", ("email", App.AdminEmail))).StatusCode);
        }

        var third = await PostFormAsync(browser, "/privacy", "/privacy", ("email", App.AdminEmail));

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(2, await App.WithDbAsync(db => Task.FromResult(db.QueuedEmails.Count(e => e.Kind == "privacy-link"))));
    }
}
