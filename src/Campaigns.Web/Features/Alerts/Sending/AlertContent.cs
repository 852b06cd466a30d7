using Campaigns.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Alerts.Sending;

/// <summary>An urgent action's public text in one language.</summary>
public sealed record AlertContent(
    string Slug, string Language, string CaseReference, string Title, string Summary, string PeopleAtRisk, string WhatToDo,
    string LetterSubject, string LetterTemplate, DateOnly? Deadline);

/// <summary>Reads an urgent action in a language, falling back to English field by field where a version is missing.</summary>
public sealed class ReadAlertContent(CampaignsDbContext db)
{
    public async Task<AlertContent?> HandleAsync(Guid urgentActionId, string language, CancellationToken cancellationToken)
    {
        var action = await db.UrgentActions.AsNoTracking().Where(a => a.Id == urgentActionId)
            .Select(a => new AlertContent(a.Slug, "en", a.CaseReference, a.Title, a.Summary, a.PeopleAtRisk, a.WhatToDo, a.LetterSubject, a.LetterTemplate, a.Deadline))
            .SingleOrDefaultAsync(cancellationToken);
        if (action is null || language == "en")
        {
            return action;
        }

        var version = await db.UrgentActionVersions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.UrgentActionId == urgentActionId && v.Language == language, cancellationToken);
        return version is null
            ? action
            : action with
            {
                Language = language,
                Title = Or(version.Title, action.Title),
                Summary = Or(version.Summary, action.Summary),
                PeopleAtRisk = Or(version.PeopleAtRisk, action.PeopleAtRisk),
                WhatToDo = Or(version.WhatToDo, action.WhatToDo),
                LetterSubject = Or(version.LetterSubject, action.LetterSubject),
                LetterTemplate = Or(version.LetterTemplate, action.LetterTemplate),
            };
    }

    private static string Or(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}
