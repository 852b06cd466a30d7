namespace Campaigns.Web.Domain.Assistance;

public enum SkillLevel
{
    Learning = 1,
    Working = 2,
    Expert = 3,
}

/// <summary>Common European Framework of Reference levels; the numbers order them.</summary>
public enum CefrLevel
{
    A1 = 1,
    A2 = 2,
    B1 = 3,
    B2 = 4,
    C1 = 5,
    C2 = 6,
}

public enum BackgroundCheckStatus
{
    NotStarted = 0,
    Pending = 1,
    Cleared = 2,
    NotCleared = 3,
}
