using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Campaigns.Tests.Infrastructure.Hosting;

public sealed class DeploymentChecksTests
{
    private const string Pem = "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----";

    [Theory]
    [InlineData("https://campaigns.example.org")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://127.8.9.10")]
    [InlineData("http://[::1]:8080")]
    public void An_https_or_loopback_public_url_starts_in_production(string url)
    {
        DeploymentChecks.Run(Environment("Production"), new CampaignsOptions { PublicBaseUrl = url }, new EmailOptions());
    }

    [Theory]
    [InlineData("http://campaigns.example.org")]
    [InlineData("http://10.0.0.5")]
    [InlineData("http://localhost.example.org")]
    public void A_plain_http_public_url_on_a_real_host_is_refused_outside_development(string url)
    {
        var ex = Assert.Throws<StartupException>(() =>
            DeploymentChecks.Run(Environment("Production"), new CampaignsOptions { PublicBaseUrl = url }, new EmailOptions()));

        Assert.StartsWith("Campaigns:PublicBaseUrl:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_may_use_any_url_and_any_dkim_domain()
    {
        DeploymentChecks.Run(Environment("Development"), new CampaignsOptions { PublicBaseUrl = "http://campaigns.example.org" }, Email("campaigns@example.org", "other.example"));
    }

    [Theory]
    [InlineData("campaigns@example.org", "example.org")]
    [InlineData("campaigns@mail.example.org", "example.org")]
    [InlineData("campaigns@example.org", "mail.example.org")]
    [InlineData("campaigns@news.example.org", "mail.example.org")]
    [InlineData("campaigns@EXAMPLE.org", "example.ORG")]
    [InlineData("campaigns@mail.example.co.uk", "example.co.uk")]
    public void A_dkim_domain_aligned_with_the_from_address_starts(string from, string domain)
    {
        DeploymentChecks.Run(Environment("Production"), new CampaignsOptions(), Email(from, domain));
    }

    [Theory]
    [InlineData("campaigns@example.org", "example.net")]
    [InlineData("campaigns@example.org", "mailer.example.net")]
    [InlineData("campaigns@example.co.uk", "other.co.uk")]
    [InlineData("campaigns@example.org", "org")]
    public void A_dkim_domain_that_does_not_align_with_the_from_address_is_refused(string from, string domain)
    {
        var ex = Assert.Throws<StartupException>(() => DeploymentChecks.Run(Environment("Production"), new CampaignsOptions(), Email(from, domain)));

        Assert.StartsWith("Email:Dkim:Domain:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_dkim_key_the_from_domain_is_not_checked()
    {
        DeploymentChecks.Run(Environment("Production"), new CampaignsOptions(), new EmailOptions { FromAddress = "campaigns@example.org", Dkim = { Domain = "example.net" } });
    }

    private static EmailOptions Email(string from, string domain) =>
        new() { FromAddress = from, Dkim = { Domain = domain, Selector = "s1", PrivateKeyPem = Pem } };

    private static HostingEnvironment Environment(string name) =>
        new() { EnvironmentName = name, ApplicationName = "Campaigns", ContentRootPath = "/", ContentRootFileProvider = new NullFileProvider() };

    private sealed class HostingEnvironment : IHostEnvironment
    {
        public required string EnvironmentName { get; set; }

        public required string ApplicationName { get; set; }

        public required string ContentRootPath { get; set; }

        public required IFileProvider ContentRootFileProvider { get; set; }
    }
}
