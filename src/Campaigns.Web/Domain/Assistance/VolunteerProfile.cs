namespace Campaigns.Web.Domain.Assistance;

/// <summary>What a Volunteer-role user offers. Keyed by the user's id: one profile per volunteer.</summary>
public sealed class VolunteerProfile
{
    public Guid UserId { get; set; }

    public string CountryCode { get; set; } = "";

    public string City { get; set; } = "";

    public bool Remote { get; set; }

    public bool OnSite { get; set; }

    /// <summary>References or a short portfolio, in the volunteer's words.</summary>
    public string References { get; set; } = "";

    public BackgroundCheckStatus BackgroundCheck { get; set; }

    public DateTimeOffset? BackgroundCheckSetAt { get; set; }

    public Guid? BackgroundCheckSetBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<VolunteerSkill> Skills { get; set; } = [];

    public List<VolunteerLanguage> Languages { get; set; } = [];

    public List<AvailabilityWindow> Availability { get; set; } = [];
}

public sealed class VolunteerSkill
{
    public Guid VolunteerId { get; set; }

    public Guid SkillId { get; set; }

    public SkillLevel Level { get; set; }
}

public sealed class VolunteerLanguage
{
    public Guid VolunteerId { get; set; }

    /// <summary>ISO 639-1 code, lower case, such as "es".</summary>
    public required string LanguageCode { get; set; }

    public CefrLevel Level { get; set; }
}

public sealed class AvailabilityWindow
{
    public Guid Id { get; set; }

    public Guid VolunteerId { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public int HoursPerWeek { get; set; }
}
