using Campaigns.Testing;
using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Assistance;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Features.Assistance.CheckIns;
using Campaigns.Web.Features.Privacy.Retention;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.IntegrationTests.Privacy;

/// <summary>The retention purge on a controlled clock: a day inside each window stays, a day past it goes.</summary>
public sealed class RetentionTests(ClockedAppFactory app) : AppTestBase(app), IClassFixture<ClockedAppFactory>
{
    private ClockedAppFactory Clocked => (ClockedAppFactory)App;

    [Fact]
    public async Task Rows_past_their_retention_are_purged_and_rows_inside_it_and_the_ledger_stay()
    {
        var now = Clocked.Clock.Now;
        DateTimeOffset Inside(int days) => now.AddDays(-days + 1);
        DateTimeOffset Past(int days) => now.AddDays(-days - 1);
        var volunteer = await TestUsers.CreateAsync(App, "retention-volunteer@example.org", Roles.Volunteer);

        var ids = await App.WithDbAsync(async db =>
        {
            var action = await db.UrgentActions.OrderBy(a => a.Slug).FirstAsync();
            AlertSend Send() => new() { Id = Guid.CreateVersion7(), UrgentActionId = action.Id, RequestId = Guid.NewGuid(), CreatedAt = Past(90), ScheduledFor = Past(90), Status = SendStatus.Completed };
            var sends = new[] { Send(), Send(), Send() };
            db.AlertSends.AddRange(sends);
            AlertSubscriber Subscriber(string email, SubscriberStatus status, DateTimeOffset created) => new()
            {
                Id = Guid.CreateVersion7(), Email = email, Language = "en", Status = status, CreatedAt = created, ConfirmedAt = status == SubscriberStatus.Pending ? null : created,
                ConsentText = "I agree", ConsentAt = created,
            };
            var active = Subscriber("retention-active@example.org", SubscriberStatus.Active, Past(400));
            var pendingInside = Subscriber("retention-pending-new@example.org", SubscriberStatus.Pending, Inside(30));
            var pendingPast = Subscriber("retention-pending-old@example.org", SubscriberStatus.Pending, Past(30));
            db.AlertSubscribers.AddRange(active, pendingInside, pendingPast);
            var deliveryInside = new AlertDelivery { Id = Guid.CreateVersion7(), AlertSendId = sends[0].Id, SubscriberId = active.Id, SentAt = Inside(90) };
            var deliveryPast = new AlertDelivery { Id = Guid.CreateVersion7(), AlertSendId = sends[1].Id, SubscriberId = active.Id, SentAt = Past(90) };
            var deliveryFailedPast = new AlertDelivery { Id = Guid.CreateVersion7(), AlertSendId = sends[2].Id, SubscriberId = active.Id, FailedAt = Past(90) };
            db.AlertDeliveries.AddRange(deliveryInside, deliveryPast, deliveryFailedPast);

            var request = await db.AssistanceRequests.OrderBy(r => r.Slug).FirstAsync();
            Deployment Ended(DateTimeOffset at) => new()
            {
                Id = Guid.CreateVersion7(), RequestId = request.Id, VolunteerId = volunteer.Id, Status = DeploymentStatus.Completed, ProposedAt = at.AddDays(-30), ProposedBy = Guid.NewGuid(), CompletedAt = at,
            };
            var endedInside = Ended(Inside(365));
            var endedPast = Ended(Past(365));
            var ongoing = new Deployment { Id = Guid.CreateVersion7(), RequestId = request.Id, VolunteerId = volunteer.Id, Status = DeploymentStatus.OnAssignment, ProposedAt = Past(800), ProposedBy = Guid.NewGuid() };
            db.Deployments.AddRange(endedInside, endedPast, ongoing);
            CheckIn Check(Deployment d) => new() { Id = Guid.CreateVersion7(), DeploymentId = d.Id, DueAt = Past(700), ConfirmedAt = Past(700) };
            var checkInside = Check(endedInside);
            var checkPast = Check(endedPast);
            var checkOngoing = Check(ongoing);
            db.CheckIns.AddRange(checkInside, checkPast, checkOngoing);

            // The reminder engine's deliveries for those check-ins: the volunteer's question and the coordinator's alert.
            var rulesInside = CheckInReminderKinds.Defaults(endedInside.Id, graceHours: 2, Past(800)).ToList();
            var rulesPast = CheckInReminderKinds.Defaults(endedPast.Id, graceHours: 2, Past(800)).ToList();
            db.ReminderRules.AddRange(rulesInside.Concat(rulesPast));
            ReminderDelivery Delivered(ReminderRule rule, CheckIn checkIn) => new()
            {
                Id = Guid.CreateVersion7(), RuleId = rule.Id, OccurrenceId = checkIn.Id, PersonKey = "user:" + volunteer.Id, CreatedAt = checkIn.DueAt,
            };
            var deliveredInside = rulesInside.Select(r => Delivered(r, checkInside)).ToList();
            var deliveredPast = rulesPast.Select(r => Delivered(r, checkPast)).ToList();
            db.ReminderDeliveries.AddRange(deliveredInside.Concat(deliveredPast));

            QueuedEmail Email(DateTimeOffset created, DateTimeOffset? sent) => new()
            {
                Id = Guid.CreateVersion7(), ToAddress = "retention-mail@example.org", Subject = "S", HtmlBody = "<p>x</p>", TextBody = "x", Kind = "test", CreatedAt = created, SentAt = sent,
                ClaimedUntil = sent is null ? now.AddYears(1) : null,
            };
            var sentInside = Email(Inside(30), Inside(30));
            var sentPast = Email(Past(30), Past(30));
            var unsentOld = Email(Past(300), null);
            db.QueuedEmails.AddRange(sentInside, sentPast, unsentOld);

            StripeWebhookEvent Event(string id, DateTimeOffset? processed, string? flag) => new()
            {
                Id = id, Type = "checkout.session.completed", Payload = "{}", ReceivedVia = "webhook", ReceivedAt = processed ?? Past(300), ProcessedAt = processed, Flag = flag,
            };
            db.StripeWebhookEvents.AddRange(
                Event("evt_retention_inside", Inside(180), null), Event("evt_retention_past", Past(180), null),
                Event("evt_retention_unprocessed", null, null), Event("evt_retention_flagged", Past(180), "Unknown session"));

            var tour = await db.Tours.OrderBy(t => t.Slug).FirstAsync();
            TourStop Stop(DateTimeOffset ended) => new()
            {
                Id = Guid.CreateVersion7(), TourId = tour.Id, Slug = "retention-" + Guid.NewGuid().ToString("N")[..8], City = "York", CountryCode = "GB", VenueName = "Hall",
                StartsAt = ended.AddHours(-2), EndsAt = ended, TimeZoneId = "Europe/London", Capacity = 10, ConfirmedCount = 1, Status = StopStatus.Confirmed, CreatedAt = ended.AddDays(-60),
            };
            var stopInside = Stop(Inside(365));
            var stopPast = Stop(Past(365));
            db.TourStops.AddRange(stopInside, stopPast);
            Rsvp Place(TourStop stop) => new() { Id = Guid.CreateVersion7(), StopId = stop.Id, Name = "Rita", Email = "rita@example.org", EmailKey = "rita@example.org", Status = RsvpStatus.Confirmed, CreatedAt = stop.CreatedAt };
            var rsvpInside = Place(stopInside);
            var rsvpPast = Place(stopPast);
            db.Rsvps.AddRange(rsvpInside, rsvpPast);
            var erasureInside = new Campaigns.Web.Domain.Privacy.ErasureRecord { Id = Guid.CreateVersion7(), EmailHash = "sha256:inside", ProtectedEmail = "protected", RequestedAt = Inside(30), ErasedAt = Inside(30) };
            var erasurePast = new Campaigns.Web.Domain.Privacy.ErasureRecord { Id = Guid.CreateVersion7(), EmailHash = "sha256:past", ProtectedEmail = "protected", RequestedAt = Past(30), ErasedAt = Past(30) };
            db.ErasureRecords.AddRange(erasureInside, erasurePast);
            await db.SaveChangesAsync();
            return new
            {
                Kept = new[] { deliveryInside.Id, checkInside.Id, checkOngoing.Id, sentInside.Id, unsentOld.Id, pendingInside.Id, active.Id, rsvpInside.Id }.Concat(deliveredInside.Select(d => d.Id)).ToArray(),
                Gone = new[] { deliveryPast.Id, deliveryFailedPast.Id, checkPast.Id, sentPast.Id, pendingPast.Id, rsvpPast.Id }.Concat(deliveredPast.Select(d => d.Id)).ToArray(),
            };
        });
        var ledgerBefore = await LedgerAsync();

        await Clocked.RunJobAsync<PurgeExpiredDataJob>(job => job.RunAsync(CancellationToken.None));
        await Clocked.RunJobAsync<PurgeExpiredDataJob>(job => job.RunAsync(CancellationToken.None));

        var remaining = await App.WithDbAsync(async db =>
        {
            var all = new HashSet<Guid>();
            all.UnionWith(await db.AlertDeliveries.Select(d => d.Id).ToListAsync());
            all.UnionWith(await db.CheckIns.Select(c => c.Id).ToListAsync());
            all.UnionWith(await db.ReminderDeliveries.Select(d => d.Id).ToListAsync());
            all.UnionWith(await db.QueuedEmails.Select(e => e.Id).ToListAsync());
            all.UnionWith(await db.AlertSubscribers.Select(s => s.Id).ToListAsync());
            all.UnionWith(await db.Rsvps.Select(r => r.Id).ToListAsync());
            return all;
        });
        Assert.All(ids.Kept, id => Assert.Contains(id, remaining));
        Assert.All(ids.Gone, id => Assert.DoesNotContain(id, remaining));

        var events = await App.WithDbAsync(db => db.StripeWebhookEvents.Where(e => e.Id.StartsWith("evt_retention_")).Select(e => e.Id).ToListAsync());
        Assert.Equal(["evt_retention_flagged", "evt_retention_inside", "evt_retention_unprocessed"], events.Order(StringComparer.Ordinal));
        Assert.Equal(ledgerBefore, await LedgerAsync());
        var erasures = await App.WithDbAsync(db => db.ErasureRecords.ToDictionaryAsync(r => r.EmailHash, r => r.ProtectedEmail));
        Assert.Equal("protected", erasures["sha256:inside"]);
        Assert.Null(erasures["sha256:past"]);
    }

    [Fact]
    public async Task Moving_the_clock_past_the_window_purges_what_was_kept()
    {
        var email = await App.WithDbAsync(async db =>
        {
            var row = new QueuedEmail
            {
                Id = Guid.CreateVersion7(), ToAddress = "later@example.org", Subject = "S", HtmlBody = "h", TextBody = "t", Kind = "test",
                CreatedAt = Clocked.Clock.Now, SentAt = Clocked.Clock.Now,
            };
            db.QueuedEmails.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });

        await Clocked.RunJobAsync<PurgeExpiredDataJob>(job => job.RunAsync(CancellationToken.None));
        Assert.True(await App.WithDbAsync(db => db.QueuedEmails.AnyAsync(e => e.Id == email)));

        Clocked.Clock.Advance(TimeSpan.FromDays(31));
        try
        {
            await Clocked.RunJobAsync<PurgeExpiredDataJob>(job => job.RunAsync(CancellationToken.None));
            Assert.False(await App.WithDbAsync(db => db.QueuedEmails.AnyAsync(e => e.Id == email)));
        }
        finally
        {
            Clocked.Clock.Advance(TimeSpan.FromDays(-31));
        }
    }

    private Task<List<(Guid, long, string)>> LedgerAsync() => App.WithDbAsync(async db =>
        (await db.LedgerEntries.OrderBy(e => e.Id).Select(e => new { e.Id, e.AmountMinor, e.Currency }).ToListAsync()).Select(e => (e.Id, e.AmountMinor, e.Currency)).ToList());
}
