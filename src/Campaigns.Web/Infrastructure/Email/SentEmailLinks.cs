using System.Text.RegularExpressions;

namespace Campaigns.Web.Infrastructure.Email;

/// <summary>
/// Links in mail carry live tokens (password reset, unsubscribe, privacy download and erasure, check-ins). Once a
/// message has left, the copy kept for the retention period keeps its words but not its links, so a database dump
/// or a log of the outbox opens nothing in anyone's name.
/// </summary>
public static partial class SentEmailLinks
{
    public const string Placeholder = "[link removed after sending]";

    public static string Remove(string body) => Url().Replace(body, Placeholder);

    [GeneratedRegex(@"(?:https?|webcal)://[^\s""'<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();
}
