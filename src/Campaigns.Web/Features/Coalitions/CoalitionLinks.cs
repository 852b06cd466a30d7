using Campaigns.Web.Infrastructure.Hosting;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Coalitions;

/// <summary>
/// Signed links that let a member's signatory re-affirm the points of unity without an account. The link names
/// the member only: whoever holds the signatory's email speaks for that organisation, as the first signature did.
/// </summary>
public sealed class CoalitionLinks(SignedLinks links, IOptions<CampaignsOptions> options)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    // Both are part of every link already sent: never change them.
    private const string LinkPurpose = "Campaigns.Coalitions.Member.v1";
    private const string ReaffirmPrefix = "reaffirm:";

    public string BaseUrl { get; } = options.Value.PublicBaseUrl.TrimEnd('/');

    public string ReaffirmToken(Guid memberId) => links.Sign(LinkPurpose, $"{ReaffirmPrefix}{memberId:N}", Lifetime);

    public string ReaffirmUrl(string slug, Guid memberId) => $"{BaseUrl}/coalitions/{slug}/reaffirm/{ReaffirmToken(memberId)}";

    /// <summary>A co-sponsor's own link to a joint action: whoever joins, writes or gives through it counts for that member.</summary>
    public string ShareUrl(string slug, Guid actionId, string memberSlug) => $"{BaseUrl}/coalitions/{slug}/actions/{actionId}?via={Uri.EscapeDataString(memberSlug)}";

    public Guid? ReadReaffirm(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        var value = links.Read(LinkPurpose, token);
        return value is not null && value.StartsWith(ReaffirmPrefix, StringComparison.Ordinal) && Guid.TryParseExact(value[ReaffirmPrefix.Length..], "N", out var id) ? id : null;
    }
}
