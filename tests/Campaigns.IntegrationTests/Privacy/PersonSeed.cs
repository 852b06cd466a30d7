using Campaigns.Testing;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Assistance;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Features.Assistance.CheckIns;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.IntegrationTests.Privacy;

/// <summary>One person present in every programme, the way the app would have stored them.</summary>
internal static class PersonSeed
{
    public sealed record Seeded(Guid UserId, Guid StopId, Guid DriveId, Guid DeploymentId);

    /// <summary>A volunteer account, an alert subscription with actions and deliveries, a paid gift with its ledger line and Stripe event, a goods pledge, an RSVP, a shift, a deployment with check-ins, and mail.</summary>
    public static async Task<Seeded> EverywhereAsync(CampaignsAppFactory app, string email, string name, string tag, Guid stopId, DateTimeOffset now, bool withAccount = true)
    {
        Guid userId = Guid.Empty;
        var deploymentId = Guid.Empty;
        if (withAccount)
        {
            var user = await TestUsers.CreateAsync(app, email, Roles.Volunteer);
            userId = user.Id;
        }

        return await app.WithDbAsync(async db =>
        {
            if (withAccount)
            {
                var user = await db.Users.SingleAsync(u => u.Id == userId);
                user.DisplayName = name;
            }

            var action = await db.UrgentActions.OrderBy(a => a.Slug).FirstAsync();
            var subscriber = new AlertSubscriber
            {
                Id = Guid.CreateVersion7(), Email = email, Name = name, Language = "en", Status = SubscriberStatus.Active, CreatedAt = now.AddDays(-10), ConfirmedAt = now.AddDays(-10),
                ConsentText = $"I agree to receive urgent actions ({tag})", ConsentAt = now.AddDays(-10), ConsentIp = "192.0.2.10",
            };
            db.AlertSubscribers.Add(subscriber);
            db.ActionsTaken.Add(new ActionTaken { Id = Guid.CreateVersion7(), UrgentActionId = action.Id, SubscriberId = subscriber.Id, Kind = ActionKind.Letter, CreatedAt = now.AddDays(-9) });
            var send = new AlertSend { Id = Guid.CreateVersion7(), UrgentActionId = action.Id, RequestId = Guid.NewGuid(), CreatedAt = now.AddDays(-9), ScheduledFor = now.AddDays(-9), Status = SendStatus.Completed };
            db.AlertSends.Add(send);
            db.AlertDeliveries.Add(new AlertDelivery { Id = Guid.CreateVersion7(), AlertSendId = send.Id, SubscriberId = subscriber.Id, SentAt = now.AddDays(-9) });

            var drive = await db.AidDrives.OrderBy(d => d.Slug).FirstAsync();
            var donation = new Donation
            {
                Id = Guid.CreateVersion7(), AidDriveId = drive.Id, Source = DonationSource.Checkout, Status = DonationStatus.Paid, AmountMinor = 2500, Currency = "EUR",
                DonorName = name, DonorEmail = email, ShowNamePublicly = true, AccessKey = Guid.NewGuid().ToString("N"), Channel = "Card", CreatedAt = now.AddDays(-5), CompletedAt = now.AddDays(-5),
                StripeCheckoutSessionId = $"cs_test_{tag}", StripePaymentIntentId = $"pi_test_{tag}", StripeCustomerId = $"cus_test_{tag}", Note = $"From {name}",
            };
            db.Donations.Add(donation);
            db.LedgerEntries.Add(new LedgerEntry
            {
                Id = Guid.CreateVersion7(), AidDriveId = drive.Id, DonationId = donation.Id, Kind = LedgerEntryKind.Gift, Channel = "Card", AmountMinor = 2500, Currency = "EUR",
                Description = $"Gift from {name}", PublicDonorName = name, ExternalKey = $"pi_test_{tag}", ReceiptNumber = LedgerEntry.ReceiptNumberFor($"pi_test_{tag}", now), OccurredAt = now.AddDays(-5), RecordedAt = now.AddDays(-5),
            });
            db.StripeWebhookEvents.Add(new StripeWebhookEvent
            {
                Id = $"evt_test_{tag}", Type = "checkout.session.completed", ReceivedVia = "webhook", ReceivedAt = now.AddDays(-5), ProcessedAt = now.AddDays(-5),
                Payload = System.Text.Json.JsonSerializer.Serialize(new
                {
                    id = $"evt_test_{tag}",
                    data = new { @object = new { id = $"cs_test_{tag}", customer = $"cus_test_{tag}", customer_details = new { email = email.ToUpperInvariant(), name } } },
                }),
            });

            var need = await db.NeedItems.FirstOrDefaultAsync();
            if (need is null)
            {
                need = new NeedItem { Id = Guid.CreateVersion7(), AidDriveId = drive.Id, Item = "Blankets", Quantity = 100, Unit = "pieces", CreatedAt = now };
                db.NeedItems.Add(need);
            }

            db.GoodsPledges.Add(new GoodsPledge { Id = Guid.CreateVersion7(), NeedItemId = need.Id, Quantity = 3, DonorName = name, DonorEmail = email, PledgedAt = now.AddDays(-4) });

            db.Rsvps.Add(new Rsvp
            {
                Id = Guid.CreateVersion7(), StopId = stopId, Name = name, Email = email, EmailKey = email.ToLowerInvariant(), Needs = $"Step-free access for {name}",
                Status = RsvpStatus.Confirmed, CreatedAt = now.AddDays(-3),
            });

            if (withAccount)
            {
                var shift = new StopShift { Id = Guid.CreateVersion7(), StopId = stopId, Role = $"Greeter {tag}", StartsAt = now.AddDays(5), EndsAt = now.AddDays(5).AddHours(2), Needed = 2, Taken = 1, CreatedAt = now };
                db.StopShifts.Add(shift);
                db.ShiftSignups.Add(new ShiftSignup { Id = Guid.CreateVersion7(), ShiftId = shift.Id, UserId = userId, CreatedAt = now.AddDays(-2) });
                db.EventInvitationPreferences.Add(new EventInvitationPreference { UserId = userId, City = "Leeds", CountryCode = "GB", UpdatedAt = now });
                db.VolunteerProfiles.Add(new VolunteerProfile
                {
                    UserId = userId, CountryCode = "GB", City = "Leeds", OnSite = true, References = $"Ask about {name}", UpdatedAt = now,
                    Languages = [new VolunteerLanguage { VolunteerId = userId, LanguageCode = "es", Level = CefrLevel.B2 }],
                    Availability = [new AvailabilityWindow { Id = Guid.CreateVersion7(), VolunteerId = userId, From = DateOnly.FromDateTime(now.UtcDateTime), To = DateOnly.FromDateTime(now.UtcDateTime).AddDays(30), HoursPerWeek = 10 }],
                });
                var request = await db.AssistanceRequests.OrderBy(r => r.Slug).FirstAsync();
                var deployment = new Deployment
                {
                    Id = Guid.CreateVersion7(), RequestId = request.Id, VolunteerId = userId, Status = DeploymentStatus.OnAssignment, ProposedAt = now.AddDays(-20), ProposedBy = Guid.NewGuid(),
                    HandoverReport = $"Report by {name}",
                };
                db.Deployments.Add(deployment);
                var checkIn = new CheckIn { Id = Guid.CreateVersion7(), DeploymentId = deployment.Id, DueAt = now.AddDays(-1), SentAt = now.AddDays(-1), ConfirmedAt = now.AddDays(-1), EscalatedAt = now.AddDays(-1) };
                db.CheckIns.Add(checkIn);
                deploymentId = deployment.Id;

                // The reminder engine's rules for the deployment, the volunteer's "are you safe?" delivery and the
                // coordinator's missed check-in alert (keyed by the coordinator, not by this person).
                var rules = CheckInReminderKinds.Defaults(deployment.Id, graceHours: 2, now.AddDays(-20)).ToList();
                db.ReminderRules.AddRange(rules);
                db.ReminderDeliveries.Add(new ReminderDelivery { Id = Guid.CreateVersion7(), RuleId = rules[0].Id, OccurrenceId = checkIn.Id, PersonKey = "user:" + userId, CreatedAt = now.AddDays(-1) });
                db.ReminderDeliveries.Add(new ReminderDelivery { Id = Guid.CreateVersion7(), RuleId = rules[1].Id, OccurrenceId = checkIn.Id, PersonKey = "user:" + Guid.NewGuid(), CreatedAt = now.AddDays(-1) });
            }

            db.QueuedEmails.Add(new QueuedEmail
            {
                Id = Guid.CreateVersion7(), ToAddress = email, ToName = name, Subject = "Your place is confirmed", HtmlBody = $"<p>Hello {name}</p>", TextBody = $"Hello {name}", Kind = "tours-rsvp",
                CreatedAt = now.AddDays(-3), SentAt = now.AddDays(-3),
            });
            db.QueuedEmails.Add(new QueuedEmail
            {
                Id = Guid.CreateVersion7(), ToAddress = "coordinator@campaigns.test", Subject = $"New RSVP from {name}", HtmlBody = $"<p>{name} ({email}) is coming</p>", TextBody = $"{name} ({email}) is coming",
                Kind = "tours-host", CreatedAt = now.AddDays(-3), SentAt = now.AddDays(-3),
            });
            await db.SaveChangesAsync();
            return new Seeded(userId, stopId, drive.Id, deploymentId);
        });
    }

    /// <summary>An upcoming stop of a seeded tour, full, so that a confirmed place that goes is offered to the waitlist.</summary>
    public static Task<Guid> FullStopAsync(CampaignsAppFactory app, DateTimeOffset now, int capacity) => app.WithDbAsync(async db =>
    {
        var tour = await db.Tours.OrderBy(t => t.Slug).FirstAsync();
        var stop = new TourStop
        {
            Id = Guid.CreateVersion7(), TourId = tour.Id, Slug = "privacy-" + Guid.NewGuid().ToString("N")[..8], City = "Leeds", CountryCode = "GB", VenueName = "Hall",
            StartsAt = now.AddDays(5), EndsAt = now.AddDays(5).AddHours(3), TimeZoneId = "Europe/London", Capacity = capacity, ConfirmedCount = capacity, Status = StopStatus.Confirmed, CreatedAt = now,
        };
        db.TourStops.Add(stop);
        await db.SaveChangesAsync();
        return stop.Id;
    });

    /// <summary>Every text-like column of every table in the database, searched with plain SQL for <paramref name="needle"/>.</summary>
    public static async Task<List<string>> TablesContainingAsync(CampaignsAppFactory app, string needle)
    {
        var hits = new List<string>();
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var columns = new List<(string Schema, string Table, string Column)>();
        await using (var list = new Npgsql.NpgsqlCommand(
            """
            SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
              AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'xml')
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        Assert.True(columns.Count > 50, "The scan found too few columns to be meaningful");
        foreach (var (schema, table, column) in columns)
        {
            await using var count = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM \"{schema}\".\"{table}\" WHERE \"{column}\"::text ILIKE '%' || @needle || '%'", connection);
            count.Parameters.AddWithValue("needle", needle);
            if ((long)(await count.ExecuteScalarAsync())! > 0)
            {
                hits.Add($"{schema}.{table}.{column}");
            }
        }

        return hits;
    }
}
