using Campaigns.Web.Data;
using Campaigns.Web.Domain;
using Campaigns.Web.Domain.Delegations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Delegations;

/// <summary>
/// Opens a roster (with its briefing reminder rule) or changes one. Everything is checked before anything is
/// written, so a refused form leaves the roster as it was.
/// </summary>
public sealed class SaveRoster(CampaignsDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>Each day gets a check-in row; a longer stay is better split into several rosters.</summary>
    public const int MaxDays = 90;

    public sealed record Result(string? Slug, IReadOnlyList<string> Errors);

    public async Task<Result> CreateAsync(RosterForm form, Guid? coordinatorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (partnerId, errors) = await CheckAsync(form, cancellationToken);
        if (errors.Count > 0)
        {
            return new Result(null, errors);
        }

        var baseSlug = Slug.From(form.Title);
        if (baseSlug.Length == 0)
        {
            baseSlug = "delegation";
        }

        var slug = await Slug.FreeAsync(baseSlug, taken => db.Rosters.AnyAsync(r => r.Slug == taken, cancellationToken));

        var now = clock.GetUtcNow();
        var roster = new Roster
        {
            Id = Guid.CreateVersion7(now),
            Slug = slug,
            Title = form.Title.Trim(),
            City = form.City.Trim(),
            CountryCode = form.CountryCode.ToUpperInvariant(),
            CreatedAt = now,
            CoordinatorId = coordinatorId,
        };
        Apply(roster, form, partnerId);
        roster.Roles = Filled(form).Select(r => new RosterRole { Id = Guid.CreateVersion7(now), RosterId = roster.Id, Name = r.Name!.Trim(), Needed = r.Needed ?? 0 }).ToList();
        db.Rosters.Add(roster);
        SyncDays(roster, [], now);
        db.ReminderRules.AddRange(DelegationReminderKinds.Defaults(roster.Id, now));
        await db.SaveChangesAsync(cancellationToken);
        return new Result(slug, []);
    }

    public async Task<Result?> UpdateAsync(string slug, RosterForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var roster = await db.Rosters.Include(r => r.Roles).SingleOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        if (roster is null)
        {
            return null;
        }

        var (partnerId, errors) = await CheckAsync(form, cancellationToken);
        var inputs = form.Roles.Where(r => r.Id is not null).ToDictionary(r => r.Id!.Value);
        var applied = await db.RosterApplications.Where(a => a.RosterId == roster.Id).Select(a => a.RoleId).Distinct().ToListAsync(cancellationToken);
        foreach (var role in roster.Roles)
        {
            if (!inputs.TryGetValue(role.Id, out var input) || string.IsNullOrWhiteSpace(input.Name))
            {
                if (applied.Contains(role.Id))
                {
                    errors.Add(localizer["The role “{0}” has applicants and cannot be removed.", role.Name]);
                }
            }
            else if ((input.Needed ?? 0) < role.Approved)
            {
                errors.Add(localizer["The role “{0}” cannot need fewer than the {1} people already approved.", role.Name, role.Approved]);
            }
        }

        if (errors.Count > 0)
        {
            return new Result(slug, errors);
        }

        roster.Title = form.Title.Trim();
        roster.City = form.City.Trim();
        roster.CountryCode = form.CountryCode.ToUpperInvariant();
        Apply(roster, form, partnerId);
        var now = clock.GetUtcNow();
        SyncDays(roster, await db.RosterDays.Where(d => d.RosterId == roster.Id).ToListAsync(cancellationToken), now);
        foreach (var role in roster.Roles.ToList())
        {
            if (inputs.TryGetValue(role.Id, out var input) && !string.IsNullOrWhiteSpace(input.Name))
            {
                role.Name = input.Name.Trim();
                role.Needed = input.Needed ?? 0;
            }
            else
            {
                roster.Roles.Remove(role);
                db.RosterRoles.Remove(role);
            }
        }

        foreach (var input in Filled(form).Where(r => r.Id is null || roster.Roles.All(x => x.Id != r.Id)))
        {
            var role = new RosterRole { Id = Guid.CreateVersion7(now), RosterId = roster.Id, Name = input.Name!.Trim(), Needed = input.Needed ?? 0 };
            roster.Roles.Add(role);
            db.RosterRoles.Add(role);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Result(slug, []);
    }

    private static void Apply(Roster roster, RosterForm form, Guid? partnerId)
    {
        roster.Purpose = form.Purpose?.Trim() ?? "";
        roster.PartnerOrganisationId = partnerId;
        roster.StartsAt = new DateTimeOffset(form.StartsOn!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        roster.EndsAt = new DateTimeOffset(form.EndsOn!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        roster.BriefingText = form.BriefingText?.Trim() ?? "";
        roster.Status = form.Status;
    }

    /// <summary>One day row per day of the roster: the daily check-in's occurrences. Days no longer in it go, with their check-ins.</summary>
    private void SyncDays(Roster roster, List<RosterDay> existing, DateTimeOffset now)
    {
        db.RosterDays.RemoveRange(existing.Where(d => d.AnchorAt < roster.StartsAt || d.AnchorAt > roster.EndsAt));
        for (var day = roster.StartsAt; day <= roster.EndsAt; day = day.AddDays(1))
        {
            if (existing.All(d => d.AnchorAt != day))
            {
                db.RosterDays.Add(new RosterDay { Id = Guid.CreateVersion7(now), RosterId = roster.Id, AnchorAt = day });
            }
        }
    }

    private static IEnumerable<RoleInput> Filled(RosterForm form) => form.Roles.Where(r => !string.IsNullOrWhiteSpace(r.Name));

    private async Task<(Guid? PartnerId, List<string> Errors)> CheckAsync(RosterForm form, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        if (form.EndsOn < form.StartsOn)
        {
            errors.Add(localizer["The last day cannot be before the first day."]);
        }
        else if (form.EndsOn > form.StartsOn?.AddDays(MaxDays - 1))
        {
            errors.Add(localizer["A roster can last at most {0} days.", MaxDays]);
        }

        var roles = Filled(form).ToList();
        if (roles.Count == 0)
        {
            errors.Add(localizer["Add at least one role, such as observer or driver."]);
        }

        foreach (var role in roles.Where(r => r.Needed is null or < 1 or > 100))
        {
            errors.Add(localizer["The role “{0}” must need between 1 and 100 people.", role.Name!.Trim()]);
        }

        if (roles.GroupBy(r => r.Name!.Trim(), StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            errors.Add(localizer["Each role needs a different name."]);
        }

        Guid? partnerId = null;
        if (!string.IsNullOrWhiteSpace(form.PartnerSlug))
        {
            partnerId = await db.Partners.Where(p => p.Slug == form.PartnerSlug).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
            if (partnerId is null)
            {
                errors.Add(localizer["Choose a partner organisation from the list."]);
            }
        }

        return (partnerId, errors);
    }
}
