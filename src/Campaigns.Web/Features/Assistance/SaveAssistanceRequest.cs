using System.ComponentModel.DataAnnotations;
using Campaigns.Web.Data;
using Campaigns.Web.Domain;
using Campaigns.Web.Domain.Assistance;
using Campaigns.Web.Domain.Programmes;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Assistance;

public sealed class AssistanceRequestForm
{
    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(200)]
    [Display(Name = "Title")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Say what you need, in your own words.")]
    [StringLength(4000)]
    [Display(Name = "What you need")]
    public string Summary { get; set; } = "";

    /// <summary>Skill id → "required" or "nice".</summary>
    public Dictionary<Guid, string> Skills { get; set; } = [];

    [Display(Name = "Level needed for required skills")]
    public SkillLevel MinimumLevel { get; set; } = SkillLevel.Working;

    [StringLength(200)]
    [Display(Name = "Languages")]
    public string? Languages { get; set; }

    public bool Remote { get; set; }

    public bool OnSite { get; set; }

    [StringLength(200)]
    [Display(Name = "Where")]
    public string? Location { get; set; }

    [Display(Name = "Starts on")]
    public DateOnly? StartsOn { get; set; }

    [Display(Name = "Ends on")]
    public DateOnly? EndsOn { get; set; }

    [Range(1, 80, ErrorMessage = "Hours per week must be between 1 and 80.")]
    [Display(Name = "Hours per week")]
    public int? HoursPerWeek { get; set; }

    [StringLength(4000)]
    [Display(Name = "Safety notes")]
    public string? SafetyNotes { get; set; }
}

/// <summary>A partner posts or edits a request for its own organisation. Invalid input changes nothing.</summary>
public sealed class SaveAssistanceRequest(CampaignsDbContext db, TimeProvider clock)
{
    public static IEnumerable<string> Errors(AssistanceRequestForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!form.Skills.Values.Any(v => v == "required"))
        {
            yield return "Choose at least one required skill.";
        }

        if (form.StartsOn is { } start && form.EndsOn is { } end && end < start)
        {
            yield return "The end date is before the start date.";
        }

        if (!form.Remote && !form.OnSite)
        {
            yield return "Say whether the work is remote, on site, or both.";
        }

        if (form.OnSite && string.IsNullOrWhiteSpace(form.Location))
        {
            yield return "Say where the on-site work happens.";
        }

        if (!Domain.Assistance.Languages.TryParse(form.Languages, out _, out _))
        {
            yield return "Write languages as a code and a level, such as “es C1, en B2”.";
        }
    }

    public async Task<(AssistanceRequest? Request, IReadOnlyList<string> Errors)> CreateAsync(Guid organisationId, AssistanceRequestForm form, CancellationToken cancellationToken)
    {
        var errors = Errors(form).ToList();
        errors.AddRange(await UnknownSkillsAsync(form, cancellationToken));
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var baseSlug = Slug.From(form.Title) is { Length: > 0 } s ? s : "request";
        var slug = await Slug.FreeAsync(baseSlug, taken => db.AssistanceRequests.AnyAsync(r => r.Slug == taken, cancellationToken));

        var now = clock.GetUtcNow();
        var request = new AssistanceRequest { Id = Guid.CreateVersion7(now), Title = "", Slug = slug, PartnerOrganisationId = organisationId, Status = ProgrammeStatus.Live };
        Apply(request, form, now);
        db.AssistanceRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return (request, []);
    }

    /// <returns>Null when the request is not this organisation's.</returns>
    public async Task<IReadOnlyList<string>?> UpdateAsync(Guid organisationId, string slug, AssistanceRequestForm form, CancellationToken cancellationToken)
    {
        var request = await db.AssistanceRequests.Include(r => r.Skills).Include(r => r.Languages)
            .SingleOrDefaultAsync(r => r.Slug == slug && r.PartnerOrganisationId == organisationId, cancellationToken);
        if (request is null)
        {
            return null;
        }

        var errors = Errors(form).ToList();
        errors.AddRange(await UnknownSkillsAsync(form, cancellationToken));
        if (errors.Count > 0)
        {
            return errors;
        }

        Apply(request, form, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    private async Task<IEnumerable<string>> UnknownSkillsAsync(AssistanceRequestForm form, CancellationToken cancellationToken)
    {
        var ids = form.Skills.Where(s => s.Value is "required" or "nice").Select(s => s.Key).ToList();
        var known = await db.Skills.CountAsync(s => ids.Contains(s.Id), cancellationToken);
        return known == ids.Count ? [] : ["Choose skills from the list."];
    }

    private static void Apply(AssistanceRequest request, AssistanceRequestForm form, DateTimeOffset now)
    {
        request.Title = form.Title.Trim();
        request.Summary = form.Summary.Trim();
        request.Remote = form.Remote;
        request.OnSite = form.OnSite;
        request.Location = form.OnSite ? form.Location?.Trim() ?? "" : "";
        request.StartsOn = form.StartsOn;
        request.EndsOn = form.EndsOn;
        request.HoursPerWeek = form.HoursPerWeek;
        request.SafetyNotes = form.SafetyNotes?.Trim() ?? "";
        request.UpdatedAt = now;
        request.Skills.Clear();
        request.Skills.AddRange(form.Skills.Where(s => s.Value is "required" or "nice").Select(s => new RequestSkill
        {
            RequestId = request.Id,
            SkillId = s.Key,
            Required = s.Value == "required",
            MinimumLevel = s.Value == "required" ? form.MinimumLevel : SkillLevel.Learning,
        }));
        Domain.Assistance.Languages.TryParse(form.Languages, out var languages, out _);
        request.Languages.Clear();
        request.Languages.AddRange(languages.Select(l => new RequestLanguage { RequestId = request.Id, LanguageCode = l.Code, MinimumLevel = l.Level }));
    }
}
