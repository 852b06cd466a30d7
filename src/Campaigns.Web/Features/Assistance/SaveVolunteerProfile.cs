using System.ComponentModel.DataAnnotations;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Assistance;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Assistance;

public sealed class VolunteerProfileForm
{
    [RegularExpression("^[A-Za-z]{2}$", ErrorMessage = "Use the two-letter country code, such as HN or CO.")]
    [Display(Name = "Country")]
    public string? CountryCode { get; set; }

    [StringLength(200)]
    [Display(Name = "City")]
    public string? City { get; set; }

    public bool Remote { get; set; }

    public bool OnSite { get; set; }

    [StringLength(4000)]
    [Display(Name = "References or portfolio")]
    public string? References { get; set; }

    /// <summary>Skill id → level name, or empty for "not a skill of mine".</summary>
    public Dictionary<Guid, string> Skills { get; set; } = [];

    [StringLength(200)]
    [Display(Name = "Languages")]
    public string? Languages { get; set; }

    public List<WindowForm> Windows { get; set; } = [];
}

public sealed class WindowForm
{
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public int? HoursPerWeek { get; set; }
}

/// <summary>A volunteer keeps their own profile: skills with level, languages, where and how, when.</summary>
public sealed class SaveVolunteerProfile(CampaignsDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>> HandleAsync(Guid volunteerId, VolunteerProfileForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<string>();
        var skills = new List<VolunteerSkill>();
        foreach (var (skillId, value) in form.Skills.Where(s => !string.IsNullOrEmpty(s.Value)))
        {
            if (!Enum.TryParse<SkillLevel>(value, out var level) || !Enum.IsDefined(level))
            {
                errors.Add("Choose a level for each skill.");
                break;
            }

            skills.Add(new VolunteerSkill { VolunteerId = volunteerId, SkillId = skillId, Level = level });
        }

        var ids = skills.Select(s => s.SkillId).ToList();
        if (await db.Skills.CountAsync(s => ids.Contains(s.Id), cancellationToken) != ids.Count)
        {
            errors.Add("Choose skills from the list.");
        }

        if (!Domain.Assistance.Languages.TryParse(form.Languages, out var languages, out _))
        {
            errors.Add("Write languages as a code and a level, such as “es C1, en B2”.");
        }

        var windows = form.Windows.Where(w => w.From is not null || w.To is not null || w.HoursPerWeek is not null).ToList();
        if (windows.Any(w => w.From is null || w.To is null || w.HoursPerWeek is null))
        {
            errors.Add("Give each availability window a start, an end and hours per week.");
        }
        else if (windows.Any(w => w.To < w.From))
        {
            errors.Add("An availability window ends before it starts.");
        }
        else if (windows.Any(w => w.HoursPerWeek is < 1 or > 80))
        {
            errors.Add("Hours per week must be between 1 and 80.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var now = clock.GetUtcNow();
        var profile = await db.VolunteerProfiles.Include(p => p.Skills).Include(p => p.Languages).Include(p => p.Availability)
            .SingleOrDefaultAsync(p => p.UserId == volunteerId, cancellationToken);
        if (profile is null)
        {
            profile = new VolunteerProfile { UserId = volunteerId };
            db.VolunteerProfiles.Add(profile);
        }

        profile.CountryCode = form.CountryCode?.ToUpperInvariant() ?? "";
        profile.City = form.City?.Trim() ?? "";
        profile.Remote = form.Remote;
        profile.OnSite = form.OnSite;
        profile.References = form.References?.Trim() ?? "";
        profile.UpdatedAt = now;
        profile.Skills.Clear();
        profile.Skills.AddRange(skills);
        profile.Languages.Clear();
        profile.Languages.AddRange(languages.Select(l => new VolunteerLanguage { VolunteerId = volunteerId, LanguageCode = l.Code, Level = l.Level }));
        profile.Availability.Clear();
        profile.Availability.AddRange(windows.Select(w => new AvailabilityWindow
        {
            Id = Guid.CreateVersion7(now),
            VolunteerId = volunteerId,
            From = w.From!.Value,
            To = w.To!.Value,
            HoursPerWeek = w.HoursPerWeek!.Value,
        }));
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }
}
