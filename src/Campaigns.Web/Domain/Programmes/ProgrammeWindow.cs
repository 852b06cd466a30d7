namespace Campaigns.Web.Domain.Programmes;

/// <summary>The live rule every programme shares: published, started, and not yet over.</summary>
public static class ProgrammeWindow
{
    public static bool IsLive(ProgrammeStatus status, DateOnly? startsOn, DateOnly? endsOn, DateOnly today) =>
        status == ProgrammeStatus.Live
        && (startsOn is null || startsOn <= today)
        && (endsOn is null || endsOn >= today);

    public static bool IsUpcomingOrLive(ProgrammeStatus status, DateOnly? endsOn, DateOnly today) =>
        status == ProgrammeStatus.Live && (endsOn is null || endsOn >= today);
}
