using System.ComponentModel.DataAnnotations;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Domain.Programmes;

namespace Campaigns.Web.Features.Lobbying.Admin;

public sealed class LobbyingCampaignForm
{
    [Required(ErrorMessage = "Enter the title.")]
    [StringLength(200)]
    [Display(Name = "Title")]
    public string Title { get; set; } = "";

    [StringLength(2000)]
    [Display(Name = "Goal")]
    public string? Goal { get; set; }

    [StringLength(8000)]
    [Display(Name = "Talking points")]
    public string? TalkingPoints { get; set; }

    public ProgrammeStatus Status { get; set; }

    /// <summary>Slug of the coalition running the campaign, if any.</summary>
    public string? CoalitionSlug { get; set; }

    public List<Guid> TargetIds { get; set; } = [];

    public List<LetterInput> Letters { get; set; } = [];
}

public sealed class LetterInput
{
    public string Language { get; set; } = "en";

    [StringLength(300)]
    public string? Subject { get; set; }

    [StringLength(8000)]
    public string? Body { get; set; }
}

public sealed class MomentForm
{
    [Required(ErrorMessage = "Enter the title.")]
    [StringLength(200)]
    [Display(Name = "Title")]
    public string Title { get; set; } = "";

    public MomentKind Kind { get; set; }

    [Required(ErrorMessage = "Enter the date.")]
    [Display(Name = "Date")]
    public DateOnly? On { get; set; }

    [StringLength(2000)]
    public string? Notes { get; set; }
}

public sealed record TargetChoice(Guid Id, string Name, string Title, string CountryCode, string? District, bool TermEnded);

public sealed record LobbyingEditModel(string? Slug, LobbyingCampaignForm Form, IReadOnlyList<TargetChoice> Targets, IReadOnlyList<CoalitionChoice> Coalitions);

public sealed record CoalitionChoice(string Slug, string Name);

public sealed record LobbyingAdminRow(string Slug, string Title, ProgrammeStatus Status, int StaleTargets);

public sealed record LobbyingAdminPage(LobbyingPage Page, IReadOnlyList<ScorecardRow> Scorecard, MomentForm Moment);
