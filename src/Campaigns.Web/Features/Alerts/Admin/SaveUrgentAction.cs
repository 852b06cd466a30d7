using Campaigns.Web.Data;
using Campaigns.Web.Domain;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Programmes;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Alerts.Admin;

/// <summary>Creates or updates an urgent action with its language versions and targets; the slug is kept once made.</summary>
public sealed class SaveUrgentAction(CampaignsDbContext db, TimeProvider clock)
{
    public async Task<string?> HandleAsync(string? slug, UrgentActionForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var now = clock.GetUtcNow();
        UrgentAction? action;
        if (slug is null)
        {
            var baseSlug = Slug.From(form.Title) is { Length: > 0 } made ? made : "urgent-action";
            var candidate = await Slug.FreeAsync(baseSlug, taken => db.UrgentActions.AnyAsync(a => a.Slug == taken, cancellationToken));

            action = new UrgentAction
            {
                Id = Guid.CreateVersion7(now),
                Slug = candidate,
                CaseReference = "",
                Title = "",
                IssuedOn = DateOnly.FromDateTime(now.UtcDateTime),
            };
            db.UrgentActions.Add(action);
        }
        else
        {
            action = await db.UrgentActions.SingleOrDefaultAsync(a => a.Slug == slug, cancellationToken);
            if (action is null)
            {
                return null;
            }
        }

        action.CaseReference = form.CaseReference.Trim();
        action.Title = form.Title.Trim();
        action.Summary = form.Summary?.Trim() ?? "";
        action.PeopleAtRisk = form.PeopleAtRisk?.Trim() ?? "";
        if (!form.KeepProtectedDetails)
        {
            action.ProtectedDetails = form.ProtectedDetails?.Trim() ?? "";
        }
        action.WhatToDo = form.WhatToDo?.Trim() ?? "";
        action.LetterSubject = form.LetterSubject?.Trim() ?? "";
        action.LetterTemplate = form.LetterTemplate?.Trim() ?? "";
        action.Deadline = form.Deadline;
        action.Tags = TagList.From((form.Tags ?? "").Split(','));
        action.Status = form.Status;
        if (action.Deadline is { } d && d >= DateOnly.FromDateTime(now.UtcDateTime))
        {
            // A deadline moved into the future reopens the action.
            action.ExpiredAt = null;
        }

        var versions = await db.UrgentActionVersions.Where(v => v.UrgentActionId == action.Id).ToListAsync(cancellationToken);
        foreach (var input in form.Versions.Where(v => v.Language is "es" or "fr"))
        {
            var version = versions.SingleOrDefault(v => v.Language == input.Language);
            if (string.IsNullOrWhiteSpace(input.Title))
            {
                if (version is not null)
                {
                    db.UrgentActionVersions.Remove(version);
                }

                continue;
            }

            if (version is null)
            {
                version = new UrgentActionVersion { Id = Guid.CreateVersion7(now), UrgentActionId = action.Id, Language = input.Language, Title = "" };
                db.UrgentActionVersions.Add(version);
            }

            version.Title = input.Title.Trim();
            version.Summary = input.Summary?.Trim() ?? "";
            version.PeopleAtRisk = input.PeopleAtRisk?.Trim() ?? "";
            version.WhatToDo = input.WhatToDo?.Trim() ?? "";
            version.LetterSubject = input.LetterSubject?.Trim() ?? "";
            version.LetterTemplate = input.LetterTemplate?.Trim() ?? "";
        }

        var links = await db.UrgentActionTargets.Where(t => t.UrgentActionId == action.Id).ToListAsync(cancellationToken);
        var wanted = await db.Targets.Where(t => form.TargetIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken);
        db.UrgentActionTargets.RemoveRange(links.Where(l => !wanted.Contains(l.TargetId)));
        db.UrgentActionTargets.AddRange(wanted.Where(id => links.All(l => l.TargetId != id)).Select(id => new UrgentActionTarget { UrgentActionId = action.Id, TargetId = id }));
        await db.SaveChangesAsync(cancellationToken);
        return action.Slug;
    }
}
