using Campaigns.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Accounts;

/// <summary>Absolute links for account emails, made from the configured public address, never from the request's Host.</summary>
public sealed class AccountLinks(IOptions<CampaignsOptions> options)
{
    public string Make(string path, Guid userId, string code) =>
        Make(path, new Dictionary<string, string?> { ["userId"] = userId.ToString(), ["code"] = code });

    public string Make(string path, IDictionary<string, string?> query) =>
        QueryHelpers.AddQueryString(options.Value.PublicBaseUrl.TrimEnd('/') + path, query);
}
