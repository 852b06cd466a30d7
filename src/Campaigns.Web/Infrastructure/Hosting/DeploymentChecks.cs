using System.Net;
using Campaigns.Web.Infrastructure.Email;

namespace Campaigns.Web.Infrastructure.Hosting;

/// <summary>
/// Settings that are each valid alone but wrong together for a real deployment. Development is exempt, and so are
/// loopback addresses, so that a laptop, the scale-out test and a local container on http://127.0.0.1 still start.
/// </summary>
internal static class DeploymentChecks
{
    public static void Run(IHostEnvironment environment, CampaignsOptions campaigns, EmailOptions email)
    {
        if (environment.IsDevelopment())
        {
            return;
        }

        // RFC 8058 one-click unsubscribe links must be https, and so must every link that carries a signed token.
        var publicUrl = new Uri(campaigns.PublicBaseUrl);
        if (publicUrl.Scheme != Uri.UriSchemeHttps && !IsLoopback(publicUrl.Host))
        {
            throw new StartupException($"Campaigns:PublicBaseUrl: must be https outside Development (was {publicUrl.Scheme}://{publicUrl.Host}); only loopback addresses may use http.");
        }

        // A signature by a domain that does not align with From counts for nothing under DMARC.
        var fromDomain = email.FromAddress.Split('@')[^1];
        if (email.Dkim.Signs && !DomainAlignment.Aligned(email.Dkim.Domain!, fromDomain))
        {
            throw new StartupException($"Email:Dkim:Domain: '{email.Dkim.Domain}' does not align with the domain of Email:FromAddress ('{fromDomain}'); use the same domain or one under the same organisational domain.");
        }
    }

    internal static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
