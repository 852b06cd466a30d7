namespace Campaigns.Web.Domain.Programmes;

/// <summary>
/// An urgent action of the alert network. Its own text fields are the English version; other languages are
/// UrgentActionVersion rows (Domain/Alerts).
/// </summary>
public sealed class UrgentAction
{
    public Guid Id { get; set; }

    public required string CaseReference { get; set; }

    public required string Title { get; set; }

    public required string Slug { get; set; }

    public string Summary { get; set; } = "";

    public Guid? PartnerOrganisationId { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly? Deadline { get; set; }

    public ProgrammeStatus Status { get; set; }

    /// <summary>Who is at risk, as public pages may say it (a pseudonym when the person chose one).</summary>
    public string PeopleAtRisk { get; set; } = "";

    /// <summary>Real names and circumstances, for staff only: never on public pages or in emails.</summary>
    public string ProtectedDetails { get; set; } = "";

    public string WhatToDo { get; set; } = "";

    public string LetterSubject { get; set; } = "";

    public string LetterTemplate { get; set; } = "";

    /// <summary>Issue and region topic codes (Domain/Alerts/TagList).</summary>
    public string Tags { get; set; } = "";

    /// <summary>Set by the expiry job when the deadline passed.</summary>
    public DateTimeOffset? ExpiredAt { get; set; }

    public bool IsExpired(DateOnly today) => ExpiredAt is not null || (Deadline is { } d && d < today);
}
