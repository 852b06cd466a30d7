namespace Campaigns.Web.Domain.Alerts;

/// <summary>An urgent action in one language. The action's own fields are the English version.</summary>
public sealed class UrgentActionVersion
{
    public Guid Id { get; set; }

    public Guid UrgentActionId { get; set; }

    public required string Language { get; set; }

    public required string Title { get; set; }

    public string Summary { get; set; } = "";

    public string PeopleAtRisk { get; set; } = "";

    public string WhatToDo { get; set; } = "";

    public string LetterSubject { get; set; } = "";

    /// <summary>The letter activists send; {name} is replaced by theirs, {salutation} by the target's.</summary>
    public string LetterTemplate { get; set; } = "";
}
