using System.Globalization;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Alerts.Subscribing;

/// <summary>
/// The first half of the double opt-in: records the person and their consent as pending and emails a signed
/// confirmation link. The answer is the same whether or not the address was known, so the form tells no one who
/// subscribes; a known address gets an email with its preferences link instead.
/// </summary>
public sealed class Subscribe(CampaignsDbContext db, EmailQueue emails, AlertLinks links, TimeProvider clock, ILogger<Subscribe> logger)
{
    public async Task HandleAsync(SubscribeForm form, string consentText, string? ip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var email = Normalise(form.Email);
        if (await db.SuppressedAddresses.AnyAsync(s => s.Email == email, cancellationToken))
        {
            logger.LogInformation("Subscription to a suppressed address ignored");
            return;
        }

        var now = clock.GetUtcNow();
        var known = await db.AlertTopics.Select(t => t.Code).ToListAsync(cancellationToken);
        var interests = TagList.From(form.Interests.Where(known.Contains));
        var subscriber = await db.AlertSubscribers.SingleOrDefaultAsync(s => s.Email == email, cancellationToken);
        if (subscriber is { Status: SubscriberStatus.Active or SubscriberStatus.Paused })
        {
            await emails.QueueAsync(
                new EmailMessage(email, subscriber.Name, "You already receive our urgent actions", "Alerts/Emails/AlreadySubscribed",
                    new SubscriberEmailModel(subscriber.Name, links.PreferencesUrl(links.ManageToken(subscriber.Id))), subscriber.Language),
                "alerts-already-subscribed", cancellationToken);
            return;
        }

        if (subscriber is null)
        {
            subscriber = new AlertSubscriber { Id = Guid.CreateVersion7(now), Email = email, Language = form.Language, ConsentText = consentText, CreatedAt = now };
            db.AlertSubscribers.Add(subscriber);
        }

        // Pending or unsubscribed: this form is a new request and a new consent.
        subscriber.Name = string.IsNullOrWhiteSpace(form.Name) ? null : form.Name.Trim();
        subscriber.Language = form.Language;
        subscriber.Interests = interests;
        subscriber.Status = SubscriberStatus.Pending;
        subscriber.ConsentText = consentText;
        subscriber.ConsentAt = now;
        subscriber.ConsentIp = ip;
        subscriber.Source = "form";
        subscriber.UnsubscribedAt = null;
        await emails.QueueAsync(
            new EmailMessage(email, subscriber.Name, "Confirm your subscription to urgent actions", "Alerts/Emails/Confirm",
                new SubscriberEmailModel(subscriber.Name, links.ConfirmUrl(subscriber.Id)), form.Language),
            "alerts-confirm", cancellationToken);
    }

    public static string Normalise(string email) => (email ?? "").Trim().ToLower(CultureInfo.InvariantCulture);
}

public sealed record SubscriberEmailModel(string? Name, string Link);
