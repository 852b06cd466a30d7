using System.Net;

namespace Campaigns.IntegrationTests.Security;

/// <summary>A class of its own: the sign-in window is shared per client, so it must start empty.</summary>
public sealed class TwoFactorRateLimitTests(StrictRateLimitsFactory app) : AppTestBase(app), Xunit.IClassFixture<StrictRateLimitsFactory>
{
    [Fact]
    public async Task Codes_at_the_second_sign_in_step_are_limited_like_passwords()
    {
        var browser = NewBrowser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await PostFormAsync(browser, "/account/signin", "/account/two-factor/signin", ("Code", "123456"))).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
