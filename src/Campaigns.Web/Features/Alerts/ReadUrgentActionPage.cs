using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Features.Alerts.Sending;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Alerts;

/// <summary>The public page of an urgent action in one language: never its protected details.</summary>
public sealed class ReadUrgentActionPage(CampaignsDbContext db, ReadAlertContent contents, TimeProvider clock)
{
    public async Task<UrgentActionPage?> HandleAsync(string slug, string language, CancellationToken cancellationToken)
    {
        var action = await db.UrgentActions.AsNoTracking()
            .Where(a => a.Slug == slug && a.Status != ProgrammeStatus.Draft)
            .Select(a => new { a.Id, a.Status, a.Deadline, a.ExpiredAt, a.IssuedOn, a.Tags })
            .SingleOrDefaultAsync(cancellationToken);
        if (action is null)
        {
            return null;
        }

        var content = (await contents.HandleAsync(action.Id, language, cancellationToken))!;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var targets = await db.UrgentActionTargets.AsNoTracking().Where(t => t.UrgentActionId == action.Id)
            .Join(db.Targets, l => l.TargetId, t => t.Id, (l, t) => t)
            .OrderBy(t => t.Name)
            .Select(t => new TargetCard(t.Id, t.Name, t.Title, t.Institution, t.CountryCode, t.PostalAddress, t.Email, t.Phone, t.Salutation,
                db.ActionsTaken.Count(a => a.UrgentActionId == action.Id && a.TargetId == t.Id)))
            .ToListAsync(cancellationToken);
        var counts = await db.ActionsTaken.AsNoTracking().Where(a => a.UrgentActionId == action.Id)
            .GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var open = action.Status == ProgrammeStatus.Live && action.ExpiredAt is null && !(action.Deadline is { } d && d < today);
        return new UrgentActionPage(action.Id, content, action.IssuedOn, open, action.Status == ProgrammeStatus.Closed || !open,
            targets, counts, TagList.Parse(action.Tags));
    }
}

public sealed record UrgentActionPage(
    Guid Id,
    AlertContent Content,
    DateOnly IssuedOn,
    bool IsOpen,
    bool IsExpired,
    IReadOnlyList<TargetCard> Targets,
    IReadOnlyDictionary<ActionKind, int> Counts,
    IReadOnlyList<string> Tags)
{
    public int Count(ActionKind kind) => Counts.TryGetValue(kind, out var n) ? n : 0;
}

public sealed record TargetCard(
    Guid Id, string Name, string Title, string Institution, string CountryCode, string PostalAddress, string? Email, string? Phone,
    string Salutation, int Actions);

public sealed record UrgentActionView(UrgentActionPage Page, string? Token, string? SubscriberName, string? Notice)
{
    /// <summary>The co-sponsor slug of the coalition share link the activist arrived through, carried to the forms.</summary>
    public string? Via { get; init; }

    /// <summary>With a personal link: the letters the activist may edit and send, one per language.</summary>
    public IReadOnlyList<LetterGroup> Letters { get; init; } = [];

    /// <summary>What the activist wrote, when it was refused and comes back to be corrected.</summary>
    public IReadOnlyList<LetterDraft> Drafts { get; init; } = [];

    public string? LetterProblem { get; init; }

    public string DraftBody(LetterGroup group) =>
        Drafts.FirstOrDefault(d => d.Language == group.Language)?.Body ?? group.Model.Body;

    public string DraftSubject(LetterGroup group) =>
        Drafts.FirstOrDefault(d => d.Language == group.Language)?.Subject ?? group.Subject;
}
