namespace Campaigns.Web.Domain.Targets;

/// <summary>
/// An official, ministry, embassy, consulate or UN body that campaigns write to. Shared by urgent actions and
/// lobbying: one directory, kept current by the term dates.
/// </summary>
public sealed class Target
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public string Title { get; set; } = "";

    public string Institution { get; set; } = "";

    public TargetKind Kind { get; set; }

    /// <summary>ISO 3166 two-letter code of the country the target acts for.</summary>
    public string CountryCode { get; set; } = "";

    public string PostalAddress { get; set; } = "";

    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>How a letter opens, e.g. "Dear Attorney General", in <see cref="Language"/> when that is known.</summary>
    public string Salutation { get; set; } = "";

    /// <summary>
    /// The language letters to this target are best written in ("es" for a Colombian prosecutor); null when not
    /// known. Letters go out in it when the campaign has a version in it.
    /// </summary>
    public string? Language { get; set; }

    /// <summary>The district or constituency an elected representative answers to; null for everyone else.</summary>
    public Guid? DistrictId { get; set; }

    /// <summary>Who took over when the term ended; set when a coordinator moved live campaigns on.</summary>
    public Guid? SucceededById { get; set; }

    public DateOnly? TermStartsOn { get; set; }

    public DateOnly? TermEndsOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The term is over: campaigns still addressing this target write to someone who no longer holds the office.</summary>
    public bool TermEnded(DateOnly today) => TermEndsOn is { } end && end < today;

    public bool InOffice(DateOnly today) => (TermStartsOn is null || TermStartsOn <= today) && (TermEndsOn is null || TermEndsOn >= today);
}

public enum TargetKind
{
    Official = 0,
    Ministry = 1,
    Embassy = 2,
    Consulate = 3,
    UnBody = 4,
}
