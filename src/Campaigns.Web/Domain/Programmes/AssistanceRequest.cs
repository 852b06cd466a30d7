using Campaigns.Web.Domain.Assistance;

namespace Campaigns.Web.Domain.Programmes;

/// <summary>
/// Expertise a partner asked for, in its own words. Status Live is open, Draft is paused (or not yet published),
/// Closed is closed. Safety notes are for coordinators and accepted volunteers only, never public pages.
/// </summary>
public sealed class AssistanceRequest
{
    public Guid Id { get; set; }

    public required string Title { get; set; }

    public required string Slug { get; set; }

    public string Summary { get; set; } = "";

    public Guid PartnerOrganisationId { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public ProgrammeStatus Status { get; set; }

    public bool Remote { get; set; }

    public bool OnSite { get; set; }

    /// <summary>Where on-site work happens, e.g. "Tegucigalpa".</summary>
    public string Location { get; set; } = "";

    public int? HoursPerWeek { get; set; }

    public string SafetyNotes { get; set; } = "";

    public DateTimeOffset? UpdatedAt { get; set; }

    public List<RequestSkill> Skills { get; set; } = [];

    public List<RequestLanguage> Languages { get; set; } = [];
}
