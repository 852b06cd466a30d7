using System.Globalization;
using System.Security.Cryptography;
using Campaigns.Testing;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Features.Accounts;
using Campaigns.Web.Features.Aid;
using Campaigns.Web.Features.Aid.Giving;
using Campaigns.Web.Features.Aid.Goods;
using Campaigns.Web.Features.Alerts;
using Campaigns.Web.Features.Alerts.Sending;
using Campaigns.Web.Features.Alerts.Subscribing;
using Campaigns.Web.Features.Assistance;
using Campaigns.Web.Features.Coalitions;
using Campaigns.Web.Features.Coalitions.Admin;
using Campaigns.Web.Features.Delegations;
using Campaigns.Web.Features.Delegations.Emails;
using Campaigns.Web.Features.Lobbying;
using Campaigns.Web.Features.Privacy;
using Campaigns.Web.Features.Tours;
using Campaigns.Web.Features.Tours.Emails;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Hosting;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Campaigns.IntegrationTests.Infrastructure.Email;

/// <summary>One email as it would leave: the template it came from and the finished (signed) message.</summary>
public sealed record EmailSample(string Template, string Variant, MimeMessage Message)
{
    public override string ToString() => $"{Template} ({Variant})";
}

/// <summary>
/// Every email template, rendered in a given language with a realistic model whose links are made by the app's own
/// link builders and lead to real rows of the demo data (a tour stop, a drive and a gift, a coalition member, a
/// roster, an urgent action and its subscriber), so that following a link tests what a reader would meet.
/// </summary>
internal static class EmailSamples
{
    public static readonly string[] Cultures = ["en", "es", "fr"];

    /// <summary>The fixed day the samples' own dates fall on, to look for in the text: 11 January 2027.</summary>
    public static readonly DateOnly Day = new(2027, 1, 11);

    /// <summary>Every template under Features/*/Emails (the HTML view; its .Text twin goes with it).</summary>
    public static IReadOnlyList<string> TemplatesOnDisk() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "src", "Campaigns.Web", "Features"), "*.cshtml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "Emails" && !f.EndsWith(".Text.cshtml", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith('_'))
            .Select(f => Path.GetRelativePath(Path.Combine(RepositoryRoot.Path, "src", "Campaigns.Web", "Features"), f).Replace('\\', '/')[..^".cshtml".Length])
            .Order(StringComparer.Ordinal)
            .ToList();

    public static async Task<IReadOnlyList<EmailSample>> RenderAllAsync(CampaignsAppFactory app, string culture)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CampaignsDbContext>();
        var baseUrl = services.GetRequiredService<IOptions<CampaignsOptions>>().Value.PublicBaseUrl.TrimEnd('/');
        var renderer = services.GetRequiredService<EmailRenderer>();
        var emailOptions = services.GetRequiredService<IOptions<EmailOptions>>().Value;
        var samples = new List<EmailSample>();
        var to = $"reader-{culture}@example.org";

        async Task Add(string variant, EmailMessage message)
        {
            var rendered = await renderer.RenderAsync(message);
            var queued = new QueuedEmail
            {
                Id = Guid.CreateVersion7(),
                ToAddress = message.ToAddress,
                ToName = message.ToName,
                Subject = rendered.Subject,
                HtmlBody = rendered.HtmlBody,
                TextBody = rendered.TextBody,
                Kind = "sample",
                AttachmentName = message.Attachment?.FileName,
                AttachmentContentType = message.Attachment?.ContentType,
                AttachmentContent = message.Attachment?.Content,
                OneClickUnsubscribeUrl = message.OneClickUnsubscribeUrl,
            };
            samples.Add(new EmailSample(message.Template, variant, SendQueuedEmailJob.ToMime(queued, emailOptions)));
        }

        // Accounts: real tokens for a real user.
        var users = services.GetRequiredService<UserManager<CampaignsUser>>();
        var user = await users.FindByEmailAsync(app.AdminEmail) ?? throw new InvalidOperationException("No admin");
        var accountLinks = services.GetRequiredService<AccountLinks>();
        string Code(string token) => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token));
        await Add("", new EmailMessage(to, "Amina Diallo", "Confirm your email address", "Accounts/Emails/ConfirmEmail",
            new AccountEmailModel("Amina Diallo", accountLinks.Make("/account/confirm-email", user.Id, Code(await users.GenerateEmailConfirmationTokenAsync(user)))), culture));
        await Add("", new EmailMessage(to, "Amina Diallo", "Reset your password", "Accounts/Emails/ResetPassword",
            new AccountEmailModel("Amina Diallo", accountLinks.Make("/account/reset-password", user.Id, Code(await users.GeneratePasswordResetTokenAsync(user)))), culture));
        await Add("", new EmailMessage(to, "Amina Diallo", "You are invited to Campaigns", "Accounts/Emails/Invitation",
            new AccountEmailModel("Amina Diallo", accountLinks.Make("/account/accept-invitation", user.Id, Code(await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose)))), culture));
        await Add("", new EmailMessage(to, "Amina Diallo", "New sign-in to your account", "Accounts/Emails/SignInNotice",
            new AccountEmailModel("Amina Diallo", accountLinks.Make("/account/freeze", new Dictionary<string, string?> { ["token"] = "expired-or-unknown" })), culture));

        // Aid: a real drive, and a gift to it whose thank-you page exists.
        var drive = await db.AidDrives.AsNoTracking().OrderBy(d => d.Slug).Select(d => new { d.Id, d.Slug, d.Title, d.Currency }).FirstAsync();
        var accessKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        db.Donations.Add(new Donation
        {
            Id = Guid.CreateVersion7(), AidDriveId = drive.Id, Source = DonationSource.Pledge, Frequency = DonationFrequency.OneTime, Status = DonationStatus.Pledged,
            AmountMinor = 5000, Currency = drive.Currency, DonorName = "Amina Diallo", DonorEmail = to, Culture = culture, AccessKey = accessKey, CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        var thanks = $"{baseUrl}/aid/{drive.Slug}/thanks/{accessKey}";
        var amount = Money.Format(5000, drive.Currency, CultureInfo.GetCultureInfo(culture));
        await Add("", new EmailMessage(to, "Amina Diallo", "Your receipt", "Aid/Emails/Receipt",
            new ReceiptEmailModel("Amina Diallo", drive.Title, amount, Day, "R-2027-000142", thanks, thanks), culture));
        await Add("", new EmailMessage(to, null, "How to pay your pledge", "Aid/Emails/PledgeInstructions",
            new PledgeEmailModel("", drive.Title, amount, "P-7F3K2Q", "Bank transfer to: Solidarity account\nIBAN: XX00 0000 0000 0000 0000 00\nQuote your pledge reference.", thanks), culture));
        await Add("", new EmailMessage(to, null, "Your giving history", "Aid/Emails/GivingLink",
            new GivingLinkModel($"{baseUrl}/aid/giving/{services.GetRequiredService<DonorHistory>().CreateToken(to)}"), culture));
        var goods = new GoodsEmailModel("Amina Diallo", drive.Title, 12, "boxes", "sterile gauze", "Union hall, Calle Mayor 5", $"{baseUrl}/aid/{drive.Slug}");
        await Add("", new EmailMessage(to, "Amina Diallo", "Thank you for your pledge of goods", "Aid/Emails/GoodsPledged", goods, culture));
        await Add("", new EmailMessage(to, "Amina Diallo", "Your goods have arrived", "Aid/Emails/GoodsReceived", goods, culture));

        // Alerts: a real subscriber and urgent action, through the fan-out's own composer.
        var alertLinks = services.GetRequiredService<AlertLinks>();
        var subscriber = await db.AlertSubscribers.AsNoTracking().Where(s => s.Status == SubscriberStatus.Active).OrderBy(s => s.Email).FirstAsync();
        await Add("", new EmailMessage(to, null, "Confirm your subscription to urgent actions", "Alerts/Emails/Confirm",
            new SubscriberEmailModel(null, alertLinks.ConfirmUrl(subscriber.Id)), culture));
        await Add("", new EmailMessage(to, "Amina", "You already receive urgent actions", "Alerts/Emails/AlreadySubscribed",
            new SubscriberEmailModel("Amina", alertLinks.PreferencesUrl(alertLinks.ManageToken(subscriber.Id))), culture));
        await Add("", new EmailMessage("office@ministry.example", "Minister of the Interior", "Protect the river defenders", "Alerts/Emails/Letter",
            new LetterEmailModel("Dear Minister,\n\nI am writing about the defenders of the river who have received threats. I ask you to guarantee their safety and to investigate the threats promptly.\n\nYours sincerely,\nAmina Diallo"), culture));
        var composer = services.GetRequiredService<AlertComposer>();
        var action = await db.UrgentActions.AsNoTracking().OrderBy(a => a.Slug).Select(a => a.Id).FirstAsync();
        var content = await services.GetRequiredService<ReadAlertContent>().HandleAsync(action, culture, CancellationToken.None)
            ?? throw new InvalidOperationException("No urgent action in " + culture);
        foreach (var kind in Enum.GetValues<AlertKind>())
        {
            var template = await composer.RenderAsync(content with { Deadline = Day }, kind, "", alertLinks.BaseUrl);
            foreach (var name in new[] { "Amina", null })
            {
                var alert = composer.Personalise(template, new AlertRecipient(Guid.CreateVersion7(), subscriber.Id, to, name, culture), alertLinks.ManageToken(subscriber.Id), DateTimeOffset.UtcNow);
                using var signer = emailOptions.Dkim.CreateSigner();
                if (signer is not null)
                {
                    alert.Prepare(EncodingConstraint.SevenBit);
                    signer.Sign(alert, FastDkimSigner.SignedHeaders);
                }

                samples.Add(new EmailSample("Alerts/Emails/Alert", $"{kind}, {(name is null ? "no name" : "named")}", alert));
            }
        }

        // Assistance.
        var request = await db.AssistanceRequests.AsNoTracking().OrderBy(r => r.Slug).Select(r => new { r.Slug, r.Title }).FirstAsync();
        var checkIns = services.GetRequiredService<Web.Features.Assistance.CheckIns.CheckInLinks>();
        await Add("", new EmailMessage(to, "Amina Diallo", "Check-in: are you safe?", "Assistance/Emails/CheckIn",
            new Web.Features.Assistance.CheckIns.CheckInEmailModel("Amina Diallo", request.Title, checkIns.Make(Guid.CreateVersion7()), new DateTimeOffset(Day, new TimeOnly(18, 0), TimeSpan.Zero)), culture));
        var deployment = await db.Deployments.AsNoTracking().Select(d => (Guid?)d.Id).FirstOrDefaultAsync();
        await Add("", new EmailMessage(to, "Amina Diallo", "Missed check-in", "Assistance/Emails/MissedCheckIn",
            new Web.Features.Assistance.CheckIns.MissedCheckInEmailModel("Amina Diallo", "Jonas Berg", request.Title,
                checkIns.Absolute(deployment is { } d ? "/admin/assistance/deployments/" + d : "/admin/assistance"), new DateTimeOffset(Day, new TimeOnly(18, 0), TimeSpan.Zero)), culture));
        foreach (var kind in Enum.GetValues<DeploymentNoticeKind>())
        {
            var link = baseUrl + (kind == DeploymentNoticeKind.NewCandidate ? $"/partner/requests/{request.Slug}" : "/volunteer/deployments");
            await Add(kind.ToString(), new EmailMessage(to, "Amina Diallo", "The partner's answer to your offer", "Assistance/Emails/DeploymentNotice",
                new DeploymentNoticeModel(kind, "Amina Diallo", request.Title, link), culture));
        }

        // Coalitions: a real member's re-affirmation link.
        var member = await db.CoalitionMembers.AsNoTracking().Join(db.Coalitions, m => m.CoalitionId, c => c.Id, (m, c) => new { m.Id, m.OrganisationName, c.Slug, c.Name })
            .OrderBy(m => m.OrganisationName).FirstAsync();
        await Add("", new EmailMessage(to, "Amina Diallo", PublishPointsVersion.ReaffirmSubject, "Coalitions/Emails/Reaffirm",
            new ReaffirmEmailModel("Amina Diallo", member.OrganisationName, member.Name, 3, "Point 4 now names the export zones.", services.GetRequiredService<CoalitionLinks>().ReaffirmUrl(member.Slug, member.Id)), culture));

        // Delegations: a real roster.
        var roster = await db.Rosters.AsNoTracking().OrderBy(r => r.Slug).Select(r => new { r.Id, r.Slug, r.Title, r.City, r.CountryCode, r.BriefingText }).FirstAsync();
        var rosterDay = await db.RosterDays.AsNoTracking().Where(x => x.RosterId == roster.Id).Select(x => (Guid?)x.Id).FirstOrDefaultAsync() ?? Guid.CreateVersion7();
        var rosterUrl = $"{baseUrl}/delegations/{roster.Slug}";
        var ends = Day.AddDays(9);
        await Add("", new EmailMessage(to, "Amina Diallo", BriefingEmails.Subject, "Delegations/Emails/Briefing",
            new BriefingEmailModel("Amina Diallo", roster.Title, "Observer", roster.City, roster.CountryCode, Day, ends, roster.BriefingText, "Bring a charged phone.", rosterUrl, IsReminder: true), culture));
        await Add("", new EmailMessage(to, "Amina Diallo", CheckInEmailModel.Subject, "Delegations/Emails/CheckIn",
            new CheckInEmailModel("Amina Diallo", roster.Title, services.GetRequiredService<RosterCheckInLinks>().Make(rosterDay, user.Id), "Reply before 21:00."), culture));
        await Add("", new EmailMessage(to, "Amina Diallo", MissedCheckInEmailModel.Subject, "Delegations/Emails/MissedCheckIn",
            new MissedCheckInEmailModel("Amina Diallo", roster.Title, Day, ["Jonas Berg", "Lucía Pérez"], $"{baseUrl}/admin/delegations/{roster.Slug}"), culture));
        await Add("", new EmailMessage(to, "Amina Diallo", RosterDecisionEmails.ApprovedSubject, "Delegations/Emails/RosterApproved",
            new RosterApprovedEmailModel("Amina Diallo", roster.Title, "Observer", roster.City, roster.CountryCode, Day, ends, rosterUrl), culture));
        await Add("", new EmailMessage(to, "Amina Diallo", RosterDecisionEmails.DeclinedSubject, "Delegations/Emails/RosterDeclined",
            new RosterDeclinedEmailModel("Amina Diallo", roster.Title, $"{baseUrl}/delegations"), culture));

        // Lobbying: a letter to a representative.
        await Add("", new EmailMessage("rep@parliament.example", "Ms Representative", "Protect the freedom to organise", "Lobbying/Emails/Letter",
            new LobbyingLetterModel("Dear Ms Representative,\n\nAs your constituent I ask you to support the motion on the freedom to organise in the garment export zones.\n\nYours sincerely,", "Amina Diallo", to), culture));

        // The activist's copy of the letters sent in their name.
        await Add("", new EmailMessage(to, "Amina Diallo", "A copy of your letter", "Targets/Emails/LetterCopy",
            new Campaigns.Web.Features.Targets.LetterCopyModel("Amina Diallo", [new Campaigns.Web.Features.Targets.LetterCopyItem("Ms Representative", "Member of Parliament", "Protect the freedom to organise", "Dear Ms Representative,\n\nPlease support the motion.\n\nAmina Diallo")]), culture));

        // Privacy.
        var privacy = services.GetRequiredService<PrivacyLinks>();
        await Add("", new EmailMessage(to, null, "Your data with us", "Privacy/Emails/PrivacyLink", new PrivacyLinkModel(privacy.Url(privacy.Token(to))), culture));
        await Add("", new EmailMessage(to, null, "Your data has been erased", "Privacy/Emails/Erased", new ErasedModel(DateTimeOffset.UtcNow), culture));

        // Tours: a real stop, through the RSVP emails' own composer, and the outreach and shift emails.
        var stop = await db.TourStops.AsNoTracking().Join(db.Tours, s => s.TourId, t => t.Id, (s, t) => new { s, t.Slug, t.Title })
            .OrderBy(x => x.s.StartsAt).FirstAsync();
        var eventEmails = services.GetRequiredService<EventEmails>();
        var tourLinks = services.GetRequiredService<TourLinks>();
        foreach (var kind in Enum.GetValues<EventEmailKind>())
        {
            var message = kind is EventEmailKind.OutreachInvite or EventEmailKind.OutreachNudge
                ? new EmailMessage(to, null, EventEmailModel.Subject(kind), "Tours/Emails/EventEmail", new EventEmailModel(
                    kind, "", stop.Title, stop.s.City, stop.s.VenueName, stop.s.VenueAddress, TimeZones.ToLocal(stop.s.StartsAt, stop.s.TimeZoneId), stop.s.TimeZoneId,
                    tourLinks.Event(stop.Slug, stop.s.Slug), tourLinks.EventCalendar(stop.Slug, stop.s.Slug), null, "Doors open at 18:30.", tourLinks.InvitationPreferences()),
                    culture, OneClickUnsubscribeUrl: tourLinks.StopInvitations(user.Id))
                : await eventEmails.ComposeAsync(stop.s.Id, Guid.CreateVersion7(), "Amina Diallo", to, culture, kind, "Doors open at 18:30.", CancellationToken.None);
            await Add(kind.ToString(), message);
        }

        await Add("", new EmailMessage(to, "Amina Diallo", "Reminder: your volunteer shift", "Tours/Emails/ShiftReminder", new ShiftEmailModel(
            "Amina Diallo", "Welcome desk", stop.Title, stop.s.City, stop.s.VenueName, stop.s.VenueAddress, TimeZones.ToLocal(stop.s.StartsAt, stop.s.TimeZoneId).AddHours(-1),
            stop.s.TimeZoneId, tourLinks.Tour(stop.Slug) + $"/stops/{stop.s.Slug}/shifts", "Ask for Pilar at the door."), culture));
        return samples;
    }
}
