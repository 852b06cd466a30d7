using Campaigns.Web.Domain.Programmes;

namespace Campaigns.Tests.Domain.Programmes;

public sealed class ProgrammeWindowTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void A_published_programme_between_its_dates_is_live() =>
        Assert.True(ProgrammeWindow.IsLive(ProgrammeStatus.Live, Today.AddDays(-1), Today.AddDays(1), Today));

    [Fact]
    public void A_programme_is_live_on_its_first_and_last_day()
    {
        Assert.True(ProgrammeWindow.IsLive(ProgrammeStatus.Live, Today, Today.AddDays(3), Today));
        Assert.True(ProgrammeWindow.IsLive(ProgrammeStatus.Live, Today.AddDays(-3), Today, Today));
    }

    [Fact]
    public void A_programme_that_ended_yesterday_is_not_live() =>
        Assert.False(ProgrammeWindow.IsLive(ProgrammeStatus.Live, Today.AddDays(-9), Today.AddDays(-1), Today));

    [Theory]
    [InlineData(ProgrammeStatus.Draft)]
    [InlineData(ProgrammeStatus.Closed)]
    public void A_draft_or_closed_programme_is_never_live(ProgrammeStatus status) =>
        Assert.False(ProgrammeWindow.IsLive(status, null, null, Today));

    [Fact]
    public void A_programme_without_dates_is_live_while_published() =>
        Assert.True(ProgrammeWindow.IsLive(ProgrammeStatus.Live, null, null, Today));

    [Fact]
    public void A_tour_starting_next_month_is_upcoming_but_not_yet_live()
    {
        Assert.False(ProgrammeWindow.IsLive(ProgrammeStatus.Live, Today.AddDays(30), Today.AddDays(40), Today));
        Assert.True(ProgrammeWindow.IsUpcomingOrLive(ProgrammeStatus.Live, Today.AddDays(40), Today));
    }
}
