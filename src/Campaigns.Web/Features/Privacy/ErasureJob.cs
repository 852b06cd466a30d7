using System.Net;
using System.Security.Cryptography;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Privacy;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Features.Assistance.CheckIns;
using Campaigns.Web.Features.Tours;
using Campaigns.Web.Infrastructure.Email;
using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Privacy;

/// <summary>
/// Forgets one person. Money keeps its place in the ledger (amounts, dates, drive, currency, receipt numbers) with the
/// donor's identity removed; everything else about them is deleted. Then a last email tells them it is done, sent
/// straight to the mail server rather than through the outbox, so that no row with their address is left behind.
/// Safe to run again: each step finds nothing left to do, and the record says which steps are over.
/// </summary>
public sealed class ErasureJob(
    CampaignsDbContext db,
    IDataProtectionProvider protection,
    Waitlist waitlist,
    EmailQueue emails,
    EmailRenderer renderer,
    IEmailTransport transport,
    PickupFolder pickup,
    IOptions<EmailOptions> emailOptions,
    TimeProvider clock,
    ILogger<ErasureJob> logger)
{
    /// <summary>What stands in for a removed name or address in text that must stay (payloads, other people's emails).</summary>
    public const string Placeholder = "[erased]";

    /// <summary>For columns that must hold an address: a reserved domain that can never receive mail.</summary>
    public const string PlaceholderEmail = "erased@erased.invalid";

    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [30, 120, 600, 1800, 3600])]
    public async Task RunAsync(Guid erasureId, CancellationToken cancellationToken)
    {
        var record = await db.ErasureRecords.SingleOrDefaultAsync(r => r.Id == erasureId, cancellationToken);
        if (record?.ProtectedEmail is null)
        {
            return;
        }

        var address = protection.CreateProtector(RequestErasure.ProtectorPurpose).Unprotect(record.ProtectedEmail);
        if (record.ErasedAt is null)
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                var (anonymised, deleted) = await EraseAsync(address, cancellationToken);
                record.ErasedAt = clock.GetUtcNow();
                record.Anonymised = anonymised;
                record.Deleted = deleted;
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            // Waitlist promotions queued inside the transaction.
            emails.EnqueuePending();
            logger.LogInformation("Erasure {ErasureId}: {Anonymised} rows anonymised, {Deleted} deleted", record.Id, record.Anonymised, record.Deleted);
        }

        // The pickup folder is checked on every run, whichever delivery is configured now: files written while the
        // embedded default was on stay on disk after a switch to SMTP.
        var files = await pickup.DeleteMailToAsync(address, cancellationToken);
        if (files > 0)
        {
            logger.LogInformation("Erasure {ErasureId}: {Files} files deleted from the pickup folder", record.Id, files);
        }

        if (emailOptions.Value.Delivery == EmailDelivery.Pickup)
        {
            // Mail in the pickup folder never leaves this machine: a confirmation there would only be one more copy
            // of their address on disk, the thing they asked us to remove. No confirmation sent: the time stays empty.
            record.ProtectedEmail = null;
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogInformation("Erasure {ErasureId} done; no confirmation written to the pickup folder", record.Id);
            return;
        }

        var rendered = await renderer.RenderAsync(new EmailMessage(address, null, "Your data has been erased", "Privacy/Emails/Erased", new ErasedModel(record.RequestedAt), record.Culture));
        var message = SendQueuedEmailJob.ToMime(
            new QueuedEmail { Id = record.Id, ToAddress = address, Subject = rendered.Subject, HtmlBody = rendered.HtmlBody, TextBody = rendered.TextBody, Kind = "privacy-erased" },
            emailOptions.Value);
        await transport.SendAsync(message, cancellationToken);
        record.ConfirmationSentAt = clock.GetUtcNow();
        record.ProtectedEmail = null;
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Erasure {ErasureId} confirmed to the person", record.Id);
    }

    private async Task<(int Anonymised, int Deleted)> EraseAsync(string address, CancellationToken ct)
    {
        var upper = address.ToUpperInvariant();
        var now = clock.GetUtcNow();
        var anonymised = 0;
        var deleted = 0;
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == upper).Select(u => new { u.Id, u.DisplayName, u.UserName }).SingleOrDefaultAsync(ct);

        // Every name the person gave us anywhere, to scrub from text that stays (payloads, other people's emails).
        var names = new HashSet<string>(StringComparer.Ordinal);
        void AddName(string? name)
        {
            if (!string.IsNullOrWhiteSpace(name) && name.Trim().Length >= 3)
            {
                names.Add(name.Trim());
            }
        }

        AddName(user?.DisplayName);

        // Gifts: identity out, money in place.
        var donations = await db.Donations.Where(d => d.DonorEmail != null && d.DonorEmail.ToLower() == address).ToListAsync(ct);
        var stripeIds = new List<string>();
        foreach (var d in donations)
        {
            AddName(d.DonorName);
            stripeIds.AddRange(new[] { d.StripeCustomerId, d.StripeCheckoutSessionId, d.StripePaymentIntentId, d.StripeSubscriptionId }.OfType<string>());
            d.DonorName = null;
            d.DonorEmail = null;
            d.StripeCustomerId = null;
            d.Note = null;
            d.ShowNamePublicly = false;

            // The thank-you page's key named the donor; a new one makes old links lead nowhere.
            d.AccessKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
            anonymised++;
        }

        var donationIds = donations.Select(d => d.Id).ToList();
        var entries = await db.LedgerEntries.Where(e => e.DonationId != null && donationIds.Contains(e.DonationId.Value)).ToListAsync(ct);

        var pledges = await db.GoodsPledges.Where(p => p.DonorEmail.ToLower() == address).ToListAsync(ct);
        foreach (var p in pledges)
        {
            AddName(p.DonorName);
            p.DonorName = null;
            p.DonorEmail = PlaceholderEmail;
            anonymised++;
        }

        var subscribers = await db.AlertSubscribers.Where(s => s.Email == address).ToListAsync(ct);
        subscribers.ForEach(s => AddName(s.Name));
        var rsvps = await db.Rsvps.Where(r => r.EmailKey == address).ToListAsync(ct);
        rsvps.ForEach(r => AddName(r.Name));
        var hosted = await db.TourStops.Where(s => (s.HostContactEmail != null && s.HostContactEmail.ToLower() == address) || (user != null && s.HostUserId == user.Id)).ToListAsync(ct);
        hosted.ForEach(s => AddName(s.HostContactEmail?.ToLowerInvariant() == address ? s.HostContactName : null));

        foreach (var e in entries)
        {
            e.PublicDonorName = null;
            e.Description = Redact(e.Description, address, names);
            anonymised++;
        }

        foreach (var s in hosted)
        {
            if (s.HostContactEmail?.ToLowerInvariant() == address)
            {
                s.HostContactEmail = null;
                s.HostContactName = "";
            }

            if (user is not null && s.HostUserId == user.Id)
            {
                s.HostUserId = null;
            }

            anonymised++;
        }

        // Stripe's copies of events name the customer; the events stay (they are the proof behind ledger entries).
        var events = await db.StripeWebhookEvents.Where(e => e.Payload.ToLower().Contains(address)).ToListAsync(ct);
        foreach (var id in stripeIds.Distinct(StringComparer.Ordinal))
        {
            events.AddRange(await db.StripeWebhookEvents.Where(e => e.Payload.Contains(id)).ToListAsync(ct));
        }

        var customerIds = donations.Count == 0 ? [] : stripeIds.Where(i => i.StartsWith("cus_", StringComparison.Ordinal)).ToList();
        foreach (var e in events.DistinctBy(e => e.Id))
        {
            e.Payload = Redact(e.Payload, address, names.Concat(customerIds));
            anonymised++;
        }

        await db.SaveChangesAsync(ct);

        // Alerts: the subscription, its delivery log and consent go; what they did stays counted, unattributed.
        var subscriberIds = subscribers.Select(s => s.Id).ToList();
        anonymised += await db.ActionsTaken.Where(a => a.SubscriberId != null && subscriberIds.Contains(a.SubscriberId.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.SubscriberId, (Guid?)null), ct);
        deleted += await db.AlertDeliveries.Where(d => subscriberIds.Contains(d.SubscriberId)).ExecuteDeleteAsync(ct);
        deleted += await db.AlertSubscribers.Where(s => subscriberIds.Contains(s.Id)).ExecuteDeleteAsync(ct);
        deleted += await db.SuppressedAddresses.Where(s => s.Email == address).ExecuteDeleteAsync(ct);
        var hash = ErasureRecord.HashOf(address);
        if (!await db.SuppressedAddresses.AnyAsync(s => s.Email == hash, ct))
        {
            db.SuppressedAddresses.Add(new SuppressedAddress { Email = hash, Reason = SuppressionReason.Erased, CreatedAt = now });
            await db.SaveChangesAsync(ct);
        }

        // Events: a confirmed place that goes is offered to the waitlist, as a cancellation would.
        foreach (var rsvp in rsvps)
        {
            var key = "rsvp:" + rsvp.Id.ToString();
            deleted += await db.ReminderDeliveries.Where(d => d.PersonKey == key).ExecuteDeleteAsync(ct);
            deleted += await db.Rsvps.Where(r => r.Id == rsvp.Id).ExecuteDeleteAsync(ct);
            if (rsvp.Status == RsvpStatus.Confirmed)
            {
                await waitlist.GiveBackPlaceAsync(rsvp.StopId, ct);
                await waitlist.PromoteAsync(rsvp.StopId, ct);
            }
        }

        if (user is not null)
        {
            var signups = await db.ShiftSignups.AsNoTracking().Where(s => s.UserId == user.Id).ToListAsync(ct);
            foreach (var signup in signups)
            {
                await db.StopShifts.Where(s => s.Id == signup.ShiftId && s.Taken > 0).ExecuteUpdateAsync(u => u.SetProperty(s => s.Taken, s => s.Taken - 1), ct);
                deleted += await db.ShiftSignups.Where(s => s.Id == signup.Id).ExecuteDeleteAsync(ct);
            }

            var key = "user:" + user.Id.ToString();
            deleted += await db.ReminderDeliveries.Where(d => d.PersonKey == key).ExecuteDeleteAsync(ct);
            deleted += await db.EventInvitationPreferences.Where(p => p.UserId == user.Id).ExecuteDeleteAsync(ct);

            // Check-ins and schedules go with their deployments (cascade); skills, languages, availability with the profile.
            var deploymentIds = await db.Deployments.Where(d => d.VolunteerId == user.Id).Select(d => d.Id).ToListAsync(ct);

            // The engine's check-in rules are scoped to the deployments and nothing cascades from a deployment to
            // them; their deliveries (the coordinator's missed check-in alerts among them) go with the rules.
            var ruleIds = await db.ReminderRules.Where(r => CheckInReminderKinds.All.Contains(r.Kind) && deploymentIds.Contains(r.ScopeId)).Select(r => r.Id).ToListAsync(ct);
            deleted += await db.ReminderDeliveries.Where(d => ruleIds.Contains(d.RuleId)).ExecuteDeleteAsync(ct);
            deleted += await db.ReminderRules.Where(r => ruleIds.Contains(r.Id)).ExecuteDeleteAsync(ct);
            deleted += await db.CheckIns.Where(c => deploymentIds.Contains(c.DeploymentId)).ExecuteDeleteAsync(ct);
            deleted += await db.CheckInSchedules.Where(c => deploymentIds.Contains(c.DeploymentId)).ExecuteDeleteAsync(ct);
            deleted += await db.Deployments.Where(d => d.VolunteerId == user.Id).ExecuteDeleteAsync(ct);
            deleted += await db.VolunteerSkills.Where(s => s.VolunteerId == user.Id).ExecuteDeleteAsync(ct);
            deleted += await db.VolunteerLanguages.Where(s => s.VolunteerId == user.Id).ExecuteDeleteAsync(ct);
            deleted += await db.AvailabilityWindows.Where(s => s.VolunteerId == user.Id).ExecuteDeleteAsync(ct);
            deleted += await db.VolunteerProfiles.Where(p => p.UserId == user.Id).ExecuteDeleteAsync(ct);

            // Claims, logins, tokens and roles cascade with the account.
            deleted += await db.Users.Where(u => u.Id == user.Id).ExecuteDeleteAsync(ct);
        }

        // The outbox: mail to them goes; mail to others that names them keeps its purpose with the name blanked.
        deleted += await db.QueuedEmails.Where(e => e.ToAddress.ToLower() == address).ExecuteDeleteAsync(ct);
        var mentions = await db.QueuedEmails.Where(e => e.TextBody.ToLower().Contains(address) || e.HtmlBody.ToLower().Contains(address)).ToListAsync(ct);
        foreach (var name in names)
        {
            mentions.AddRange(await db.QueuedEmails.Where(e => e.TextBody.Contains(name) || e.HtmlBody.Contains(name) || e.Subject.Contains(name) || e.ToName == name).ToListAsync(ct));
        }

        foreach (var e in mentions.DistinctBy(e => e.Id))
        {
            e.Subject = Redact(e.Subject, address, names);
            e.TextBody = Redact(e.TextBody, address, names);
            e.HtmlBody = Redact(e.HtmlBody, address, names);
            e.ToName = e.ToName is null ? null : Redact(e.ToName, address, names);
            anonymised++;
        }

        await db.SaveChangesAsync(ct);
        return (anonymised, deleted);
    }

    /// <summary>Replaces the address and each name, as typed and as HTML (Razor's or another encoder) or JSON would have encoded it.</summary>
    internal static string Redact(string text, string address, IEnumerable<string> names)
    {
        foreach (var needle in names.Prepend(address).OrderByDescending(n => n.Length))
        {
            // Addresses differ in case from copy to copy; names are matched exactly, so "Ana" leaves "analysis" alone.
            var comparison = ReferenceEquals(needle, address) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            foreach (var form in new[] { needle, WebUtility.HtmlEncode(needle), System.Text.Encodings.Web.HtmlEncoder.Default.Encode(needle), System.Text.Json.JsonEncodedText.Encode(needle).ToString() }.Distinct(StringComparer.Ordinal))
            {
                text = text.Replace(form, Placeholder, comparison);
            }
        }

        return text;
    }
}

public sealed record ErasedModel(DateTimeOffset RequestedAt);
