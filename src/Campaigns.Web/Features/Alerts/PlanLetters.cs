using Campaigns.Web.Data;
using Campaigns.Web.Features.Alerts.Sending;
using Campaigns.Web.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Alerts;

/// <summary>
/// Who an activist's letter for an urgent action goes to, and in which language: the targets with an email address,
/// grouped by the language each is written to. The activist edits one letter per language.
/// </summary>
public sealed class PlanLetters(CampaignsDbContext db, ReadAlertContent contents, LetterWriter writer)
{
    public async Task<IReadOnlyList<LetterGroup>> HandleAsync(Guid urgentActionId, string activistLanguage, CancellationToken cancellationToken)
    {
        var english = await db.UrgentActions.AsNoTracking().Where(a => a.Id == urgentActionId).Select(a => a.LetterTemplate).SingleOrDefaultAsync(cancellationToken);
        var available = await db.UrgentActionVersions.AsNoTracking().Where(v => v.UrgentActionId == urgentActionId && v.LetterTemplate != "")
            .Select(v => v.Language).ToListAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(english))
        {
            available.Add("en");
        }

        if (available.Count == 0)
        {
            return [];
        }

        var targets = await db.UrgentActionTargets.AsNoTracking().Where(x => x.UrgentActionId == urgentActionId)
            .Join(db.Targets, x => x.TargetId, t => t.Id, (x, t) => t)
            .Where(t => t.Email != null)
            .OrderBy(t => t.Name)
            .ToListAsync(cancellationToken);
        var groups = new List<LetterGroup>();
        foreach (var byLanguage in targets.GroupBy(t => LetterWriter.LanguageFor(t, available, activistLanguage)))
        {
            var content = (await contents.HandleAsync(urgentActionId, byLanguage.Key, cancellationToken))!;
            groups.Add(new LetterGroup(
                byLanguage.Key,
                string.IsNullOrWhiteSpace(content.LetterSubject) ? content.Title : content.LetterSubject,
                LetterWriter.Split(content.LetterTemplate),
                byLanguage.Select(t => new LetterRecipient(t.Id, t.Name, t.Title, t.Email!, writer.SalutationFor(t, byLanguage.Key))).ToList()));
        }

        // The activist's own language first: the letter they are most likely to read and change.
        return groups.OrderBy(g => g.Language == activistLanguage ? 0 : 1).ThenBy(g => g.Language, StringComparer.Ordinal).ToList();
    }
}

/// <param name="Subject">The model subject in this language.</param>
/// <param name="Model">The model letter as the activist edits it.</param>
public sealed record LetterGroup(string Language, string Subject, LetterParts Model, IReadOnlyList<LetterRecipient> Recipients);

public sealed record LetterRecipient(Guid TargetId, string Name, string Title, string Email, string Salutation);

/// <summary>One edited letter as the form posts it: <c>Letters[0].Language</c>, <c>Letters[0].Subject</c>, <c>Letters[0].Body</c>.</summary>
public sealed class LetterDraft
{
    public string Language { get; set; } = "";

    public string? Subject { get; set; }

    public string? Body { get; set; }
}
