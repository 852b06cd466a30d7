using Campaigns.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Coalitions;

/// <summary>
/// Signed links that let a member's signatory re-affirm the points of unity without an account. The link names
/// the member only: whoever holds the signatory's email speaks for that organisation, as the first signature did.
/// </summary>
public sealed class CoalitionLinks(IDataProtectionProvider protection, IOptions<CampaignsOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    private readonly ITimeLimitedDataProtector protector =
        protection.CreateProtector("Campaigns.Coalitions.Member.v1").ToTimeLimitedDataProtector();

    public string BaseUrl { get; } = options.Value.PublicBaseUrl.TrimEnd('/');

    public string ReaffirmToken(Guid memberId) => protector.Protect($"reaffirm:{memberId:N}", clock.GetUtcNow() + Lifetime);

    public string ReaffirmUrl(string slug, Guid memberId) => $"{BaseUrl}/coalitions/{slug}/reaffirm/{ReaffirmToken(memberId)}";

    /// <summary>A co-sponsor's own link to a joint action: whoever joins, writes or gives through it counts for that member.</summary>
    public string ShareUrl(string slug, Guid actionId, string memberSlug) => $"{BaseUrl}/coalitions/{slug}/actions/{actionId}?via={Uri.EscapeDataString(memberSlug)}";

    public Guid? ReadReaffirm(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var value = protector.Unprotect(token, out _);
            return value.StartsWith("reaffirm:", StringComparison.Ordinal) && Guid.TryParseExact(value["reaffirm:".Length..], "N", out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
