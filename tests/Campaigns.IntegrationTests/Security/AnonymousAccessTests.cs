using System.Net;
using System.Text.RegularExpressions;
using Campaigns.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.IntegrationTests.Security;

public sealed partial class AnonymousAccessTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    [Fact]
    public async Task Every_action_without_an_explicit_AllowAnonymous_sends_an_anonymous_visitor_to_sign_in()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
            .ToList();
        var closed = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null).ToList();
        Assert.NotEmpty(closed);

        var reachable = new List<string>();
        foreach (var endpoint in closed)
        {
            var url = SampleUrl(endpoint.RoutePattern);
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method != "GET")
                {
                    request.Content = new FormUrlEncodedContent([]);
                }

                var response = await NewBrowser().SendAsync(request);
                var location = response.Headers.Location?.OriginalString ?? "";
                if (!(response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/signin", StringComparison.Ordinal)))
                {
                    reachable.Add($"{method} {url} -> {(int)response.StatusCode} {location}");
                }
            }
        }

        Assert.True(reachable.Count == 0, "Reachable anonymously without [AllowAnonymous]:\n" + string.Join("\n", reachable));
    }

    [Fact]
    public async Task The_job_dashboard_is_closed_to_anonymous_visitors()
    {
        var response = await NewBrowser().GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/signin", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_job_dashboard_is_closed_to_a_signed_in_coordinator()
    {
        await TestUsers.CreateAsync(App, "coordinator@example.org", Web.Domain.Identity.Roles.Coordinator);
        var browser = NewBrowser();
        await SignInAsync(browser, "coordinator@example.org", TestUsers.Password);

        var response = await browser.GetAsync("/admin/jobs");

        Assert.Contains("/account/denied", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tours")]
    [InlineData("/aid")]
    [InlineData("/assistance")]
    [InlineData("/alerts")]
    [InlineData("/account/signin")]
    [InlineData("/healthz")]
    public async Task Public_pages_answer_anonymous_visitors(string url) =>
        Assert.Equal(HttpStatusCode.OK, (await NewBrowser().GetAsync(url)).StatusCode);

    [Fact]
    public async Task An_unknown_address_is_a_plain_not_found_page()
    {
        var response = await NewBrowser().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Fills route parameters with values their constraints accept.</summary>
    private static string SampleUrl(RoutePattern pattern)
    {
        var url = "/" + (pattern.RawText ?? "").TrimStart('/');
        return ParameterPattern().Replace(url, m => m.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.Empty.ToString()
            : m.Value.Contains(":int", StringComparison.Ordinal) ? "1"
            : "sample");
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex ParameterPattern();
}
