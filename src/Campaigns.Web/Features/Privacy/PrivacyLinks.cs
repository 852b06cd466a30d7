using Campaigns.Web.Infrastructure.Hosting;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Privacy;

/// <summary>
/// Signed, time-limited links that prove someone reads a mailbox: whoever holds one may see and erase what we hold
/// about that one address. Short-lived, because the page behind it shows everything.
/// </summary>
public sealed class PrivacyLinks(SignedLinks links, IOptions<CampaignsOptions> options)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    // Both are part of every link already sent: never change them.
    private const string LinkPurpose = "Campaigns.Privacy.Rights.v1";
    private const string Purpose = "rights";

    public string Token(string email) => links.Sign(LinkPurpose, $"{Purpose}:{Normalise(email)}", Lifetime);

    public string Url(string token) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/privacy/{token}";

    /// <returns>The address the link was made for, or null when it is forged, tampered or expired.</returns>
    public string? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }

        var value = links.Read(LinkPurpose, token);
        return value is not null && value.StartsWith(Purpose + ":", StringComparison.Ordinal) ? value[(Purpose.Length + 1)..] : null;
    }

    public static string Normalise(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }
}
