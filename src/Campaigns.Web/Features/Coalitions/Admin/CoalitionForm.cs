using System.ComponentModel.DataAnnotations;
using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Programmes;

namespace Campaigns.Web.Features.Coalitions.Admin;

public sealed class CoalitionForm
{
    [Required(ErrorMessage = "Enter the name.")]
    [StringLength(200)]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [StringLength(100)]
    [Display(Name = "Sector or issue")]
    public string? Sector { get; set; }

    [StringLength(4000)]
    [Display(Name = "Purpose")]
    public string? Purpose { get; set; }

    public ProgrammeStatus Status { get; set; }
}

public sealed class PointsForm
{
    [Required(ErrorMessage = "Write the points of unity.")]
    [StringLength(20000)]
    [Display(Name = "Points of unity")]
    public string Text { get; set; } = "";

    [StringLength(2000)]
    [Display(Name = "What changed")]
    public string? ChangeNote { get; set; }
}

public sealed class JointActionForm
{
    public JointActionKind Kind { get; set; }

    [Required(ErrorMessage = "Enter the address (slug) of the action, drive or tour.")]
    [Display(Name = "Slug")]
    public string ProgrammeSlug { get; set; } = "";

    public List<Guid> SponsorIds { get; set; } = [];
}

public sealed record CoalitionEditModel(string? Slug, CoalitionForm Form);

public sealed record CoalitionAdminPage(
    CoalitionPage Page, IReadOnlyList<SignatoryRow> Signatories, PointsForm Points, IReadOnlyList<JointActionTotals> Totals,
    IReadOnlyDictionary<Guid, Guid?> MemberPartners, IReadOnlyList<PartnerChoice> Partners);

/// <summary>A partner organisation a member can be linked to, so that partner's own users see its supporters.</summary>
public sealed record PartnerChoice(Guid Id, string Name);

/// <summary>The last person who signed for a member: staff only.</summary>
public sealed record SignatoryRow(Guid MemberId, string SignerName, string SignerEmail, DateTimeOffset SignedAt);
