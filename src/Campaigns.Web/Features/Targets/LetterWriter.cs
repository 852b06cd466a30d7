using System.Globalization;
using Campaigns.Web.Domain.Targets;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Targets;

/// <summary>
/// Letters from activists to officials, for urgent actions and lobbying alike. The model letter is shown to the
/// activist without its salutation line and signature, which the platform adds per recipient; what the activist
/// leaves in the box is what the official reads. The letter is in the target's language when the campaign has
/// that version, else in the activist's.
/// </summary>
public sealed class LetterWriter(IStringLocalizer<SharedResource> localizer)
{
    public const int MaxBodyLength = 6000;

    public const int MaxSubjectLength = 200;

    private const string SalutationPlaceholder = "{salutation}";

    private const string NamePlaceholder = "{name}";

    /// <summary>
    /// The language to write to <paramref name="target"/> in, among those the model letter exists in: the target's,
    /// else the activist's, else English, else any.
    /// </summary>
    public static string LanguageFor(Target target, IReadOnlyCollection<string> available, string activistLanguage)
    {
        ArgumentNullException.ThrowIfNull(target);
        return LanguageFor(target.Language, available, activistLanguage);
    }

    public static string LanguageFor(string? targetLanguage, IReadOnlyCollection<string> available, string activistLanguage)
    {
        ArgumentNullException.ThrowIfNull(available);
        return targetLanguage is { } own && available.Contains(own) ? own
            : available.Contains(activistLanguage) || available.Count == 0 ? activistLanguage
            : available.Contains("en") ? "en"
            : available.First();
    }

    /// <summary>
    /// The target's own salutation is written in the target's language; a letter in another language opens with a
    /// courteous formula of that language instead, so an English letter does not open in Spanish.
    /// </summary>
    public string SalutationFor(Target target, string language)
    {
        ArgumentNullException.ThrowIfNull(target);
        return SalutationFor(target.Name, target.Salutation, target.Language, language);
    }

    public string SalutationFor(string targetName, string salutation, string? targetLanguage, string language)
    {
        if (!string.IsNullOrEmpty(salutation) && (targetLanguage is null || targetLanguage == language))
        {
            return salutation;
        }

        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return localizer["Dear {0}", targetName].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The model letter as the activist edits it: without the opening line and without the signature.</summary>
    public static LetterParts Split(string template)
    {
        var text = (template ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var opening = "";
        var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = firstBreak < 0 ? text : text[..firstBreak];
        if (firstLine.Contains(SalutationPlaceholder, StringComparison.Ordinal))
        {
            opening = firstLine.Trim();
            text = firstBreak < 0 ? "" : text[(firstBreak + 1)..].TrimStart('\n');
        }

        var lastBreak = text.LastIndexOf('\n');
        if (text[(lastBreak + 1)..].Trim() == NamePlaceholder)
        {
            text = lastBreak < 0 ? "" : text[..lastBreak].TrimEnd();
        }

        return new LetterParts(opening, text);
    }

    /// <summary>The letter one official receives: the opening with their salutation, the activist's text, the activist's name.</summary>
    public static string Compose(string opening, string body, string salutation, string name)
    {
        var text = (body ?? "").Replace(SalutationPlaceholder, salutation, StringComparison.Ordinal).Replace(NamePlaceholder, name, StringComparison.Ordinal).TrimEnd();
        var start = string.IsNullOrEmpty(opening) ? "" : opening.Replace(SalutationPlaceholder, salutation, StringComparison.Ordinal) + "\n\n";
        return start + text + "\n" + name;
    }

    /// <summary>What the activist typed, checked: the reason it is refused (a resource key), or null.</summary>
    public static string? Problem(string? subject, string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "Write your letter: the box is empty.";
        }

        if (body.Length > MaxBodyLength)
        {
            return "The letter is too long: at most 6,000 characters.";
        }

        if (body.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            return "The letter contains characters that cannot be sent.";
        }

        if (subject is not null && (subject.Length > MaxSubjectLength || subject.Any(char.IsControl)))
        {
            return "The subject must be one line of at most 200 characters.";
        }

        return null;
    }

    /// <summary>An address fit for a Reply-To header: one mailbox, no spaces or line breaks to smuggle headers in.</summary>
    public static bool IsSendableAddress(string? address) =>
        !string.IsNullOrWhiteSpace(address)
        && !address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ',' or ';' or '<' or '>' or '"')
        && MimeKit.MailboxAddress.TryParse(address, out var mailbox)
        && mailbox.Address == address;

    /// <summary>A name as it may appear in a signature and an address header: one line, no control characters.</summary>
    public static string CleanName(string? name) =>
        string.Join(' ', new string((name ?? "").Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static string Normalise(string body) => body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

/// <param name="Opening">The first line with "{salutation}" in it, e.g. "{salutation},"; empty when the letter has none.</param>
/// <param name="Body">The text the activist edits.</param>
public sealed record LetterParts(string Opening, string Body);

/// <summary>The copy an activist receives of what went out in their name.</summary>
public sealed record LetterCopyModel(string Name, IReadOnlyList<LetterCopyItem> Letters);

public sealed record LetterCopyItem(string TargetName, string TargetTitle, string Subject, string Body);
