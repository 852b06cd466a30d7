using System.Globalization;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Features.Alerts.Sending;
using Campaigns.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Alerts.Admin;

/// <summary>
/// Who a send would reach, per language, before it is sent, and which of those languages the urgent action has no
/// version in (their readers get the main language). The send form shows it; creating a send checks the same rule.
/// </summary>
public sealed class ReadSendAudience(CampaignsDbContext db)
{
    /// <summary>The urgent action's own fields are written in this language; every other one is a version.</summary>
    public const string MainLanguage = "en";

    public async Task<SendAudience?> HandleAsync(string slug, SendForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var actionId = await db.UrgentActions.Where(a => a.Slug == slug).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken);
        return actionId is null ? null : await CountAsync(actionId.Value, form, cancellationToken);
    }

    public async Task<SendAudience> CountAsync(Guid urgentActionId, SendForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var counts = await AlertAudience.Query(db, Probe(urgentActionId, form))
            .GroupBy(s => s.Language).Select(g => new { Language = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Language, g => g.Count, cancellationToken);
        var versions = await VersionsAsync(urgentActionId, cancellationToken);
        var languages = (form.ChosenLanguages.Count > 0 ? form.ChosenLanguages : CampaignsLocalization.Cultures)
            .Select(l => new LanguageCount(l, counts.GetValueOrDefault(l), versions.Contains(l)))
            .ToList();
        return new SendAudience(languages);
    }

    /// <summary>
    /// The audience's languages without a version, for the check when a send is asked for. It counts only when some
    /// chosen language lacks a version, so a send of a fully translated action to a million people costs no count.
    /// </summary>
    public async Task<IReadOnlyList<string>> WithoutVersionAsync(Guid urgentActionId, SendForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var versions = await VersionsAsync(urgentActionId, cancellationToken);
        var candidates = (form.ChosenLanguages.Count > 0 ? form.ChosenLanguages : CampaignsLocalization.Cultures)
            .Where(l => !versions.Contains(l)).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var present = await AlertAudience.Query(db, Probe(urgentActionId, form))
            .Where(s => candidates.Contains(s.Language)).Select(s => s.Language).Distinct().ToListAsync(cancellationToken);
        return candidates.Where(present.Contains).ToList();
    }

    private async Task<HashSet<string>> VersionsAsync(Guid urgentActionId, CancellationToken cancellationToken)
    {
        var versions = await db.UrgentActionVersions.AsNoTracking().Where(v => v.UrgentActionId == urgentActionId)
            .Select(v => v.Language).ToListAsync(cancellationToken);
        return [MainLanguage, .. versions];
    }

    /// <summary>A send as the form describes it, never saved: the audience rule reads only these fields.</summary>
    internal static AlertSend Probe(Guid urgentActionId, SendForm form) => new()
    {
        UrgentActionId = urgentActionId,
        Kind = form.Kind,
        Languages = TagList.From(form.ChosenLanguages),
        Interests = TagList.From(form.Interests),
        OnlyThoseWhoActed = form.ActorsOnly,
    };
}

public sealed record LanguageCount(string Language, int Count, bool HasVersion);

public sealed record SendAudience(IReadOnlyList<LanguageCount> Languages)
{
    public int Total => Languages.Sum(l => l.Count);

    /// <summary>Languages with readers in the audience but no version of the urgent action.</summary>
    public IReadOnlyList<string> WithoutVersion => Languages.Where(l => l.Count > 0 && !l.HasVersion).Select(l => l.Language).ToList();
}

/// <summary>The audience as the send form's script shows it: counts, and the words the page prints, in the reader's language.</summary>
public sealed record AudienceJson(int Total, string TotalText, IReadOnlyList<AudienceJson.Row> Languages, IReadOnlyList<string> WithoutVersion, string? Warning)
{
    public sealed record Row(string Language, string Name, int Count, bool HasVersion, string Text);

    public static AudienceJson From(SendAudience audience, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(localizer);
        var missing = audience.WithoutVersion;
        return new AudienceJson(
            audience.Total,
            DescribeTotal(audience, localizer),
            audience.Languages.Select(l => new Row(l.Language, CampaignsLocalization.LanguageName(l.Language, localizer), l.Count, l.HasVersion, DescribeRow(l, localizer))).ToList(),
            missing,
            missing.Count == 0 ? null : FallbackWarning(audience, localizer));
    }

    public static string DescribeTotal(SendAudience audience, IStringLocalizer localizer) =>
        localizer["People this send reaches: {0}", audience.Total.ToString("N0", CultureInfo.CurrentCulture)];

    /// <summary>"Spanish: 12", or "French: 3 (no French version: they get English)".</summary>
    public static string DescribeRow(LanguageCount row, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(localizer);
        var name = CampaignsLocalization.LanguageName(row.Language, localizer);
        var count = row.Count.ToString("N0", CultureInfo.CurrentCulture);
        return row.HasVersion || row.Count == 0
            ? localizer["{0}: {1}", name, count]
            : localizer["{0}: {1} (no version in this language: they get {2})", name, count,
                CampaignsLocalization.LanguageName(ReadSendAudience.MainLanguage, localizer)];
    }

    /// <summary>"12 readers of Spanish and French will get it in English: the urgent action has no version in their language."</summary>
    public static string FallbackWarning(SendAudience audience, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(localizer);
        var missing = audience.WithoutVersion;
        return localizer["The urgent action has no version in {0}: {1} of the people in this audience will get it in {2}.",
            CampaignsLocalization.LanguageList(missing, localizer),
            audience.Languages.Where(l => missing.Contains(l.Language)).Sum(l => l.Count),
            CampaignsLocalization.LanguageName(ReadSendAudience.MainLanguage, localizer)];
    }
}
