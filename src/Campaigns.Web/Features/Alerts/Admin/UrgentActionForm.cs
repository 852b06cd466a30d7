using System.ComponentModel.DataAnnotations;
using Campaigns.Web.Domain.Programmes;

namespace Campaigns.Web.Features.Alerts.Admin;

public sealed class UrgentActionForm
{
    [Required(ErrorMessage = "Enter the case reference.")]
    [StringLength(50)]
    [Display(Name = "Case reference")]
    public string CaseReference { get; set; } = "";

    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(200)]
    [Display(Name = "Title")]
    public string Title { get; set; } = "";

    [StringLength(4000)]
    [Display(Name = "Summary")]
    public string? Summary { get; set; }

    [StringLength(2000)]
    [Display(Name = "People at risk (public; use a pseudonym if they chose one)")]
    public string? PeopleAtRisk { get; set; }

    [StringLength(4000)]
    [Display(Name = "Protected details (staff only)")]
    public string? ProtectedDetails { get; set; }

    /// <summary>Set by the controller, never bound: the editor has no need-to-know, so the stored details stay.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public bool KeepProtectedDetails { get; set; }

    [StringLength(4000)]
    [Display(Name = "What to do")]
    public string? WhatToDo { get; set; }

    [StringLength(300)]
    [Display(Name = "Letter subject")]
    public string? LetterSubject { get; set; }

    [StringLength(8000)]
    [Display(Name = "Letter template")]
    public string? LetterTemplate { get; set; }

    [Display(Name = "Deadline")]
    public DateOnly? Deadline { get; set; }

    [StringLength(1000)]
    [Display(Name = "Issue and region codes, comma separated")]
    public string? Tags { get; set; }

    public ProgrammeStatus Status { get; set; } = ProgrammeStatus.Draft;

    public List<Guid> TargetIds { get; set; } = [];

    public List<VersionForm> Versions { get; set; } = [];
}

public sealed class VersionForm
{
    [Required]
    [RegularExpression("^(es|fr)$")]
    public string Language { get; set; } = "";

    [StringLength(200)]
    public string? Title { get; set; }

    [StringLength(4000)]
    public string? Summary { get; set; }

    [StringLength(2000)]
    public string? PeopleAtRisk { get; set; }

    [StringLength(4000)]
    public string? WhatToDo { get; set; }

    [StringLength(300)]
    public string? LetterSubject { get; set; }

    [StringLength(8000)]
    public string? LetterTemplate { get; set; }
}

public sealed class SendForm
{
    public Guid RequestId { get; set; }

    public Domain.Alerts.AlertKind Kind { get; set; }

    public List<string> Languages { get; set; } = [];

    public List<string> Interests { get; set; } = [];

    /// <summary>Null for the default: updates go only to those who acted, an urgent action to everyone matching.</summary>
    public bool? OnlyThoseWhoActed { get; set; }

    [StringLength(8000)]
    [Display(Name = "Message")]
    public string? Message { get; set; }

    [StringLength(8000)]
    [Display(Name = "Message in Spanish")]
    public string? MessageEs { get; set; }

    [StringLength(8000)]
    [Display(Name = "Message in French")]
    public string? MessageFr { get; set; }

    /// <summary>Empty for now; otherwise a wall-clock time in the coordinator's time zone.</summary>
    public DateTime? ScheduledFor { get; set; }

    /// <summary>
    /// The languages (codes, space-separated) whose readers the coordinator agreed will get the main language,
    /// because the urgent action has no version in theirs. The checkbox carries the list it was shown with, so an
    /// agreement to one language does not cover another that joined the audience since.
    /// </summary>
    [StringLength(100)]
    public string? AgreeToFallback { get; set; }

    /// <summary>"count" to see who the audience is without sending (the form's first button, also what Enter does).</summary>
    public string? Intent { get; set; }

    public bool OnlyCounting => string.Equals(Intent, "count", StringComparison.Ordinal);

    /// <summary>The languages chosen, those the site knows only; empty for all.</summary>
    public IReadOnlyList<string> ChosenLanguages =>
        Languages.Where(l => Infrastructure.Localization.CampaignsLocalization.Cultures.Contains(l)).Distinct().ToList();

    /// <summary>Updates go only to those who acted unless the coordinator chose otherwise; an urgent action to everyone matching.</summary>
    public bool ActorsOnly => OnlyThoseWhoActed ?? Kind != Domain.Alerts.AlertKind.UrgentAction;

    public IReadOnlySet<string> AgreedFallbackLanguages =>
        (AgreeToFallback ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}

public sealed class OutcomeForm
{
    public Domain.Alerts.OutcomeKind Kind { get; set; }

    public Guid? TargetId { get; set; }

    [Required(ErrorMessage = "Write what happened.")]
    [StringLength(8000)]
    [Display(Name = "What happened")]
    public string Text { get; set; } = "";
}
