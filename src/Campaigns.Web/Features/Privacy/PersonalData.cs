using Campaigns.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Privacy;

/// <summary>
/// Everything held about one email address, across every programme: what the person downloads, and the map the
/// erasure follows. Matching is on the lower-cased address (or on the account it belongs to), never on a name, so
/// nothing of anyone else comes along.
/// </summary>
public sealed class PersonalData(CampaignsDbContext db, TimeProvider clock)
{
    /// <summary>Whether we hold anything at all; decides whether a link is worth emailing.</summary>
    public async Task<bool> HoldsAnythingAsync(string email, CancellationToken cancellationToken)
    {
        var address = PrivacyLinks.Normalise(email);
        var upper = address.ToUpperInvariant();
        return await db.Users.AnyAsync(u => u.NormalizedEmail == upper, cancellationToken)
            || await db.AlertSubscribers.AnyAsync(s => s.Email == address, cancellationToken)
            || await db.Donations.AnyAsync(d => d.DonorEmail != null && d.DonorEmail.ToLower() == address, cancellationToken)
            || await db.GoodsPledges.AnyAsync(p => p.DonorEmail.ToLower() == address, cancellationToken)
            || await db.Rsvps.AnyAsync(r => r.EmailKey == address, cancellationToken)
            || await db.TourStops.AnyAsync(s => s.HostContactEmail != null && s.HostContactEmail.ToLower() == address, cancellationToken)
            || await db.QueuedEmails.AnyAsync(e => e.ToAddress.ToLower() == address, cancellationToken);
    }

    public async Task<PersonalDataExport> ReadAsync(string email, CancellationToken cancellationToken)
    {
        var address = PrivacyLinks.Normalise(email);
        var upper = address.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == upper)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.EmailConfirmed, u.PhoneNumber, u.TwoFactorEnabled, u.CreatedAt, u.FrozenAt })
            .SingleOrDefaultAsync(cancellationToken);
        var userId = user?.Id;

        AccountData? account = null;
        if (user is not null)
        {
            var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(cancellationToken);
            var logins = await db.UserLogins.Where(l => l.UserId == user.Id).Select(l => l.LoginProvider).ToListAsync(cancellationToken);
            account = new AccountData(user.Email ?? address, user.DisplayName, user.EmailConfirmed, user.PhoneNumber, user.TwoFactorEnabled, user.CreatedAt, user.FrozenAt,
                [.. roles.Order(StringComparer.Ordinal)], logins);
        }

        var subscribers = await db.AlertSubscribers.AsNoTracking().Where(s => s.Email == address).ToListAsync(cancellationToken);
        var subscriberIds = subscribers.Select(s => s.Id).ToList();
        var actions = await db.ActionsTaken.AsNoTracking().Where(a => a.SubscriberId != null && subscriberIds.Contains(a.SubscriberId.Value))
            .Join(db.UrgentActions, a => a.UrgentActionId, u => u.Id, (a, u) => new { a.SubscriberId, u.Title, a.Kind, a.CreatedAt })
            .OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        var deliveries = await db.AlertDeliveries.AsNoTracking().Where(d => subscriberIds.Contains(d.SubscriberId))
            .Join(db.AlertSends, d => d.AlertSendId, s => s.Id, (d, s) => new { d.SubscriberId, s.UrgentActionId, s.Kind, d.SentAt, d.FailedAt })
            .Join(db.UrgentActions, x => x.UrgentActionId, u => u.Id, (x, u) => new { x.SubscriberId, u.Title, x.Kind, x.SentAt, x.FailedAt })
            .ToListAsync(cancellationToken);
        var alertSubscriptions = subscribers.Select(s => new AlertSubscriptionData(
            s.Email, s.Name, s.Language, s.Interests.Trim(';'), s.Status.ToString(), s.Source, s.CreatedAt, s.ConfirmedAt, s.UnsubscribedAt,
            new ConsentData(s.ConsentText, s.ConsentAt, s.ConsentIp),
            [.. actions.Where(a => a.SubscriberId == s.Id).Select(a => new ActionData(a.Title, a.Kind.ToString(), a.CreatedAt))],
            [.. deliveries.Where(d => d.SubscriberId == s.Id).OrderBy(d => d.SentAt).Select(d => new AlertReceivedData(d.Title, d.Kind.ToString(), d.SentAt, d.FailedAt))])).ToList();
        var suppression = await db.SuppressedAddresses.AsNoTracking().Where(s => s.Email == address)
            .Select(s => new SuppressionData(s.Reason.ToString(), s.CreatedAt)).SingleOrDefaultAsync(cancellationToken);

        var donations = await db.Donations.AsNoTracking().Where(d => d.DonorEmail != null && d.DonorEmail.ToLower() == address)
            .Join(db.AidDrives, d => d.AidDriveId, a => a.Id, (d, a) => new { d, a.Title })
            .OrderBy(x => x.d.CreatedAt).ToListAsync(cancellationToken);
        var donationIds = donations.Select(x => x.d.Id).ToList();
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.DonationId != null && donationIds.Contains(e.DonationId.Value))
            .OrderBy(e => e.OccurredAt).ToListAsync(cancellationToken);
        var donationData = donations.Select(x => new DonationData(
            x.Title, x.d.Source.ToString(), x.d.Frequency.ToString(), x.d.Status.ToString(), x.d.AmountMinor, x.d.Currency, x.d.DonorName, x.d.DonorEmail,
            x.d.ShowNamePublicly, x.d.Channel, x.d.Culture, x.d.CreatedAt, x.d.CompletedAt, x.d.Note, x.d.StripeCustomerId,
            [.. entries.Where(e => e.DonationId == x.d.Id).Select(e => new LedgerLineData(e.Kind.ToString(), e.AmountMinor, e.Currency, e.ReceiptNumber, e.OccurredAt, e.PublicDonorName))])).ToList();

        var goods = await db.GoodsPledges.AsNoTracking().Where(p => p.DonorEmail.ToLower() == address)
            .Join(db.NeedItems, p => p.NeedItemId, n => n.Id, (p, n) => new { p, n })
            .Join(db.AidDrives, x => x.n.AidDriveId, a => a.Id, (x, a) => new GoodsPledgeData(
                a.Title, x.n.Item, x.p.Quantity, x.n.Unit, x.p.DonorName, x.p.DonorEmail, x.p.PledgedAt, x.p.ReceivedAt, x.p.CollectionPoint))
            .ToListAsync(cancellationToken);

        var rsvps = await db.Rsvps.AsNoTracking().Where(r => r.EmailKey == address)
            .Join(db.TourStops, r => r.StopId, s => s.Id, (r, s) => new { r, s })
            .Join(db.Tours, x => x.s.TourId, t => t.Id, (x, t) => new RsvpData(
                t.Title, x.s.City, x.s.StartsAt, x.r.Name, x.r.Email, x.r.Needs, x.r.Culture, x.r.Status.ToString(), x.r.CreatedAt, x.r.CancelledAt, x.r.Attended))
            .ToListAsync(cancellationToken);

        var hosted = await db.TourStops.AsNoTracking().Where(s => (s.HostContactEmail != null && s.HostContactEmail.ToLower() == address) || (userId != null && s.HostUserId == userId))
            .Join(db.Tours, s => s.TourId, t => t.Id, (s, t) => new HostedEventData(t.Title, s.City, s.StartsAt, s.HostOrganisation, s.HostContactName, s.HostContactEmail))
            .ToListAsync(cancellationToken);

        List<ShiftData> shifts = [];
        EventInvitationData? invitations = null;
        VolunteerData? volunteer = null;
        if (userId is { } id)
        {
            shifts = await db.ShiftSignups.AsNoTracking().Where(s => s.UserId == id)
                .Join(db.StopShifts, s => s.ShiftId, sh => sh.Id, (s, sh) => new { s, sh })
                .Join(db.TourStops, x => x.sh.StopId, st => st.Id, (x, st) => new ShiftData(st.City, x.sh.Role, x.sh.StartsAt, x.sh.EndsAt, x.s.CreatedAt))
                .ToListAsync(cancellationToken);
            invitations = await db.EventInvitationPreferences.AsNoTracking().Where(p => p.UserId == id)
                .Select(p => new EventInvitationData(p.City, p.CountryCode, p.Culture, p.UpdatedAt)).SingleOrDefaultAsync(cancellationToken);
            volunteer = await ReadVolunteerAsync(id, cancellationToken);
        }

        var emails = await db.QueuedEmails.AsNoTracking().Where(e => e.ToAddress.ToLower() == address).OrderBy(e => e.CreatedAt)
            .Select(e => new EmailData(e.ToAddress, e.ToName, e.Subject, e.Kind, e.CreatedAt, e.SentAt, e.TextBody))
            .ToListAsync(cancellationToken);

        return new PersonalDataExport(address, clock.GetUtcNow(), account, alertSubscriptions, suppression, donationData, goods, rsvps, shifts, hosted, invitations, volunteer, emails);
    }

    private async Task<VolunteerData?> ReadVolunteerAsync(Guid userId, CancellationToken cancellationToken)
    {
        var profile = await db.VolunteerProfiles.AsNoTracking().Where(p => p.UserId == userId)
            .Include(p => p.Skills).Include(p => p.Languages).Include(p => p.Availability)
            .AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
        var deployments = await db.Deployments.AsNoTracking().Where(d => d.VolunteerId == userId)
            .Join(db.AssistanceRequests, d => d.RequestId, r => r.Id, (d, r) => new { d, r.Title })
            .OrderBy(x => x.d.ProposedAt).ToListAsync(cancellationToken);
        if (profile is null && deployments.Count == 0)
        {
            return null;
        }

        var deploymentIds = deployments.Select(x => x.d.Id).ToList();
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => deploymentIds.Contains(c.DeploymentId)).OrderBy(c => c.DueAt).ToListAsync(cancellationToken);
        var skillIds = profile?.Skills.Select(s => s.SkillId).ToList() ?? [];
        var skillNames = await db.Skills.AsNoTracking().Where(s => skillIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        return new VolunteerData(
            profile?.CountryCode, profile?.City, profile?.Remote, profile?.OnSite, profile?.References, profile?.BackgroundCheck.ToString(), profile?.UpdatedAt,
            [.. (profile?.Skills ?? []).Select(s => new VolunteerSkillData(skillNames.GetValueOrDefault(s.SkillId, ""), s.Level.ToString()))],
            [.. (profile?.Languages ?? []).Select(l => new VolunteerLanguageData(l.LanguageCode, l.Level.ToString()))],
            [.. (profile?.Availability ?? []).OrderBy(a => a.From).Select(a => new AvailabilityData(a.From, a.To, a.HoursPerWeek))],
            [.. deployments.Select(x => new DeploymentData(
                x.Title, x.d.Status.ToString(), x.d.Origin.ToString(), x.d.StartsOn, x.d.EndsOn, x.d.ProposedAt, x.d.AcceptedAt, x.d.DeclinedAt, x.d.BriefedAt,
                x.d.StartedAt, x.d.CompletedAt, x.d.WithdrawnAt, x.d.HandoverReport, x.d.HandoverAt, x.d.PartnerRating, x.d.PartnerComment,
                [.. checkIns.Where(c => c.DeploymentId == x.d.Id).Select(c => new CheckInData(c.DueAt, c.SentAt, c.ConfirmedAt, c.EscalatedAt))]))]);
    }
}

public sealed record PersonalDataExport(
    string Email,
    DateTimeOffset GeneratedAt,
    AccountData? Account,
    IReadOnlyList<AlertSubscriptionData> AlertSubscriptions,
    SuppressionData? Suppression,
    IReadOnlyList<DonationData> Donations,
    IReadOnlyList<GoodsPledgeData> GoodsPledges,
    IReadOnlyList<RsvpData> Rsvps,
    IReadOnlyList<ShiftData> ShiftSignups,
    IReadOnlyList<HostedEventData> HostedEvents,
    EventInvitationData? EventInvitations,
    VolunteerData? Volunteer,
    IReadOnlyList<EmailData> Emails)
{
    public bool IsEmpty => Account is null && AlertSubscriptions.Count == 0 && Suppression is null && Donations.Count == 0 && GoodsPledges.Count == 0
        && Rsvps.Count == 0 && ShiftSignups.Count == 0 && HostedEvents.Count == 0 && EventInvitations is null && Volunteer is null && Emails.Count == 0;
}

public sealed record AccountData(string Email, string DisplayName, bool EmailConfirmed, string? PhoneNumber, bool TwoFactorEnabled, DateTimeOffset CreatedAt, DateTimeOffset? FrozenAt,
    IReadOnlyList<string> Roles, IReadOnlyList<string> ExternalLogins);

public sealed record AlertSubscriptionData(string Email, string? Name, string Language, string Interests, string Status, string Source, DateTimeOffset CreatedAt,
    DateTimeOffset? ConfirmedAt, DateTimeOffset? UnsubscribedAt, ConsentData Consent, IReadOnlyList<ActionData> ActionsTaken, IReadOnlyList<AlertReceivedData> AlertsReceived);

public sealed record ConsentData(string Text, DateTimeOffset At, string? FromAddress);

public sealed record ActionData(string UrgentAction, string Kind, DateTimeOffset At);

public sealed record AlertReceivedData(string UrgentAction, string Kind, DateTimeOffset? SentAt, DateTimeOffset? FailedAt);

public sealed record SuppressionData(string Reason, DateTimeOffset Since);

public sealed record DonationData(string Drive, string Source, string Frequency, string Status, long AmountMinor, string Currency, string? DonorName, string? DonorEmail,
    bool ShowNamePublicly, string Channel, string Culture, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, string? Note, string? StripeCustomerId, IReadOnlyList<LedgerLineData> LedgerEntries);

public sealed record LedgerLineData(string Kind, long AmountMinor, string Currency, string? ReceiptNumber, DateTimeOffset OccurredAt, string? PublicDonorName);

public sealed record GoodsPledgeData(string Drive, string Item, int Quantity, string Unit, string? DonorName, string DonorEmail, DateTimeOffset PledgedAt, DateTimeOffset? ReceivedAt, string? CollectionPoint);

public sealed record RsvpData(string Tour, string City, DateTimeOffset EventStartsAt, string Name, string Email, string? Needs, string Culture, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset? CancelledAt, bool? Attended);

public sealed record ShiftData(string City, string Role, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset SignedUpAt);

public sealed record HostedEventData(string Tour, string City, DateTimeOffset StartsAt, string HostOrganisation, string HostContactName, string? HostContactEmail);

public sealed record EventInvitationData(string City, string CountryCode, string Culture, DateTimeOffset UpdatedAt);

public sealed record VolunteerData(string? CountryCode, string? City, bool? Remote, bool? OnSite, string? References, string? BackgroundCheck, DateTimeOffset? UpdatedAt,
    IReadOnlyList<VolunteerSkillData> Skills, IReadOnlyList<VolunteerLanguageData> Languages, IReadOnlyList<AvailabilityData> Availability, IReadOnlyList<DeploymentData> Deployments);

public sealed record VolunteerSkillData(string Skill, string Level);

public sealed record VolunteerLanguageData(string Language, string Level);

public sealed record AvailabilityData(DateOnly From, DateOnly To, int HoursPerWeek);

public sealed record DeploymentData(string Request, string Status, string Origin, DateOnly? StartsOn, DateOnly? EndsOn, DateTimeOffset ProposedAt, DateTimeOffset? AcceptedAt,
    DateTimeOffset? DeclinedAt, DateTimeOffset? BriefedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, DateTimeOffset? WithdrawnAt, string HandoverReport,
    DateTimeOffset? HandoverAt, int? PartnerRating, string PartnerComment, IReadOnlyList<CheckInData> CheckIns);

public sealed record CheckInData(DateTimeOffset DueAt, DateTimeOffset? SentAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? EscalatedAt);

public sealed record EmailData(string To, string? ToName, string Subject, string Kind, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string TextBody);
