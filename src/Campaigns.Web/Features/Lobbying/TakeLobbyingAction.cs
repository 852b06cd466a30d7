using Campaigns.Web.Data;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Domain.Targets;
using Campaigns.Web.Features.Aid;
using Campaigns.Web.Features.Targets;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Lobbying;

/// <summary>
/// A supporter writes to a representative through the platform (the letter goes out by the email queue) or
/// reports a call or visit and what the representative said. The contact and its email commit together.
/// </summary>
public sealed class TakeLobbyingAction(
    CampaignsDbContext db, ReadLobbyingPage pages, EmailQueue emails, LetterWriter writer, TimeProvider clock, ILogger<TakeLobbyingAction> logger)
{
    /// <summary>
    /// The supporter's edited letter goes to the representative in the representative's language when the campaign
    /// has it (else the supporter's), From the organisation with Reply-To the supporter, signed with their name;
    /// they get a copy in their language. One letter per address and representative, even under a double submit.
    /// </summary>
    public async Task<LobbyingResult> SendLetterAsync(string slug, LetterForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (campaign, target) = await OpenAsync(slug, form.TargetId, cancellationToken);
        if (campaign is null || target is null)
        {
            return LobbyingResult.NotFound;
        }

        if (target.Email is null)
        {
            return LobbyingResult.NoEmail;
        }

        var email = form.Email.Trim().ToLowerInvariant();
        var name = LetterWriter.CleanName(form.Name);
        if (LetterWriter.Problem(form.Subject, form.Body) is not null || !LetterWriter.IsSendableAddress(email) || name.Length == 0)
        {
            return LobbyingResult.Invalid;
        }

        if (await db.LobbyingContacts.AnyAsync(c => c.CampaignId == campaign.Id && c.TargetId == target.Id && c.Kind == ContactKind.Letter && c.SupporterEmail == email, cancellationToken))
        {
            return LobbyingResult.AlreadySent;
        }

        var activistLanguage = form.Language ?? "en";
        var letter = ReadLobbyingPage.Choose(await pages.LettersAsync(campaign.Id, cancellationToken), target.Language, activistLanguage);
        if (letter is null)
        {
            return LobbyingResult.NoLetter;
        }

        var subject = string.IsNullOrWhiteSpace(form.Subject) ? letter.Subject : form.Subject.Trim();
        var body = LetterWriter.Compose(LetterWriter.Split(letter.Body).Opening, LetterWriter.Normalise(form.Body!), writer.SalutationFor(target, letter.Language), name);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            db.LobbyingContacts.Add(new LobbyingContact
            {
                Id = Guid.CreateVersion7(now),
                CampaignId = campaign.Id,
                TargetId = target.Id,
                Kind = ContactKind.Letter,
                DistrictId = await DistrictAsync(form.DistrictId, cancellationToken),
                SupporterName = name,
                SupporterEmail = email,
                ViaMemberId = await ViaAsync(campaign, form.Via, cancellationToken),
                CreatedAt = now,
            });
            await emails.QueueAsync(
                new EmailMessage(target.Email, target.Name, subject, "Lobbying/Emails/Letter", new LobbyingLetterModel(body, name, email), letter.Language,
                    ReplyTo: new EmailReplyTo(email, name)),
                "lobbying-letter", cancellationToken);
            await emails.QueueAsync(
                new EmailMessage(email, name, "A copy of your letter", "Targets/Emails/LetterCopy",
                    new LetterCopyModel(name, [new LetterCopyItem(target.Name, target.Title, subject, body)]), activistLanguage),
                "lobbying-letter-copy", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (AidLedger.IsUniqueViolation(ex))
        {
            // The same form sent twice at once: the other request wrote and queued the letter.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return LobbyingResult.AlreadySent;
        }

        emails.EnqueuePending();
        logger.LogInformation("Letter of campaign {CampaignId} queued to target {TargetId}", campaign.Id, target.Id);
        return LobbyingResult.Done;
    }

    public async Task<LobbyingResult> LogAsync(string slug, LogForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (campaign, target) = await OpenAsync(slug, form.TargetId, cancellationToken);
        if (campaign is null || target is null)
        {
            return LobbyingResult.NotFound;
        }

        // A call or a visit has an answer, even "no answer"; a posted letter has none yet.
        if (form.Kind != ContactKind.Letter && form.Outcome is null)
        {
            return LobbyingResult.OutcomeMissing;
        }

        var now = clock.GetUtcNow();
        db.LobbyingContacts.Add(new LobbyingContact
        {
            Id = Guid.CreateVersion7(now),
            CampaignId = campaign.Id,
            TargetId = target.Id,
            Kind = form.Kind,
            Outcome = form.Kind == ContactKind.Letter ? null : form.Outcome,
            DistrictId = await DistrictAsync(form.DistrictId, cancellationToken),
            SupporterName = form.Name.Trim(),
            ViaMemberId = await ViaAsync(campaign, form.Via, cancellationToken),
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return LobbyingResult.Done;
    }

    /// <summary>The printable letter for a target that has no email address.</summary>
    public async Task<PostalLetter?> PostalAsync(string slug, Guid targetId, string? name, string language, CancellationToken cancellationToken)
    {
        var (campaign, target) = await OpenAsync(slug, targetId, cancellationToken);
        if (campaign is null || target is null || await pages.LetterAsync(campaign.Id, language, cancellationToken) is not { } letter)
        {
            return null;
        }

        var signature = string.IsNullOrWhiteSpace(name) ? "" : name.Trim();
        return new PostalLetter(campaign.Slug, campaign.Title, target.Id, target.Name, target.Title, target.Institution, target.PostalAddress,
            letter.Subject, Fill(letter.Body, target, signature.Length > 0 ? signature : "…"), letter.Language, signature);
    }

    private static string Fill(string body, Target target, string name) =>
        body.Replace("{salutation}", target.Salutation.Length > 0 ? target.Salutation : target.Name, StringComparison.Ordinal)
            .Replace("{name}", name, StringComparison.Ordinal);

    private async Task<(LobbyingCampaign? Campaign, Target? Target)> OpenAsync(string slug, Guid targetId, CancellationToken cancellationToken)
    {
        var campaign = await db.LobbyingCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug && c.Status == ProgrammeStatus.Live, cancellationToken);
        if (campaign is null)
        {
            return (null, null);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var target = await db.LobbyingCampaignTargets.AsNoTracking().Where(l => l.CampaignId == campaign.Id && l.TargetId == targetId)
            .Join(db.Targets, l => l.TargetId, t => t.Id, (l, t) => t)
            .SingleOrDefaultAsync(cancellationToken);
        return (campaign, target is null || target.TermEnded(today) ? null : target);
    }

    private async Task<Guid?> DistrictAsync(Guid? districtId, CancellationToken cancellationToken) =>
        districtId is null ? null : await db.Districts.Where(d => d.Id == districtId).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(cancellationToken);

    private async Task<Guid?> ViaAsync(LobbyingCampaign campaign, string? via, CancellationToken cancellationToken) =>
        campaign.CoalitionId is null || string.IsNullOrWhiteSpace(via)
            ? null
            : await db.CoalitionMembers.Where(m => m.CoalitionId == campaign.CoalitionId && m.Slug == via).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(cancellationToken);
}

public enum LobbyingResult
{
    Done,
    NotFound,
    NoEmail,
    AlreadySent,
    NoLetter,
    OutcomeMissing,

    /// <summary>The letter, the name or the address cannot be sent as they are; the form says why.</summary>
    Invalid,
}

public sealed record LobbyingLetterModel(string Body, string SenderName, string SenderEmail);

public sealed record PostalLetter(
    string CampaignSlug, string CampaignTitle, Guid TargetId, string TargetName, string TargetTitle, string Institution, string PostalAddress,
    string Subject, string Body, string Language, string Signature);
