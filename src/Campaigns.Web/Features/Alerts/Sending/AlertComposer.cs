using System.Globalization;
using System.Net;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Campaigns.Web.Features.Alerts.Sending;

/// <summary>
/// Renders an alert once per language with placeholders, then personalises each copy by replacing them: Razor runs
/// three times per send, not once per recipient.
/// </summary>
public sealed class AlertComposer(EmailRenderer renderer, IStringLocalizer<SharedResource> localizer, IOptions<EmailOptions> email)
{
    public const string GreetingSlot = "%%GREETING%%";
    public const string TokenSlot = "%%TOKEN%%";

    private readonly EmailOptions emailOptions = email.Value;

    public async Task<AlertTemplate> RenderAsync(AlertContent content, AlertKind kind, string message, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(content);
        var culture = CultureInfo.GetCultureInfo(content.Language);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        string subject;
        string namedGreeting;
        string anonymousGreeting;
        try
        {
            subject = string.Format(culture, SubjectFormat(kind), content.Title);
            namedGreeting = localizer["Dear {0},"].Value;

            // Without a name the email opens with none: "Dear friend" is what spam filters score.
            anonymousGreeting = localizer["Hello,"].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        var model = new AlertEmailModel(
            kind, content.CaseReference, content.Title, content.Summary, content.PeopleAtRisk, content.WhatToDo, content.Deadline, message,
            GreetingSlot,
            $"{baseUrl}/alerts/{content.Slug}?lang={content.Language}&s={TokenSlot}",
            $"{baseUrl}/alerts/preferences/{TokenSlot}",
            $"{baseUrl}/alerts/unsubscribe/{TokenSlot}");
        var rendered = await renderer.RenderAsync(new EmailMessage("", null, subject, "Alerts/Emails/Alert", model, content.Language));
        return new AlertTemplate(content.Language, rendered.Subject, rendered.HtmlBody, rendered.TextBody, namedGreeting, anonymousGreeting, $"{baseUrl}/alerts/unsubscribe/");
    }

    private string SubjectFormat(AlertKind kind) => kind switch
    {
        AlertKind.FurtherInformation => localizer["Further information: {0}"].Value,
        AlertKind.GoodNews => localizer["Good news: {0}"].Value,
        AlertKind.CaseClosed => localizer["Case closed: {0}"].Value,
        _ => localizer["Urgent action: {0}"].Value,
    };

    /// <summary>One recipient's copy: their name, their links, a Message-ID fixed by the delivery row.</summary>
    public MimeMessage Personalise(AlertTemplate template, AlertRecipient recipient, string manageToken, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(recipient);
        var greeting = template.GreetingFor(recipient.Name);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(emailOptions.FromName, emailOptions.FromAddress));
        message.To.Add(new MailboxAddress(recipient.Name ?? "", recipient.Email));
        message.Subject = template.Subject;
        message.Date = date;
        message.MessageId = $"{recipient.DeliveryId:N}@{emailOptions.FromAddress.Split('@')[1]}";

        // RFC 8058: the POST to this URL unsubscribes with no further step; both headers are DKIM-signed.
        message.Headers.Add("List-Unsubscribe", $"<{template.UnsubscribeBase}{manageToken}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Body = new MultipartAlternative
        {
            TextParts.Create("plain", template.Text.Replace(GreetingSlot, greeting, StringComparison.Ordinal).Replace(TokenSlot, manageToken, StringComparison.Ordinal)),
            TextParts.Create("html", template.Html.Replace(GreetingSlot, WebUtility.HtmlEncode(greeting), StringComparison.Ordinal).Replace(TokenSlot, manageToken, StringComparison.Ordinal)),
        };
        return message;
    }
}

/// <param name="NamedGreeting">The greeting with a name, a format with one placeholder ("Dear {0},").</param>
/// <param name="AnonymousGreeting">The greeting for someone who gave no name ("Hello,").</param>
public sealed record AlertTemplate(string Language, string Subject, string Html, string Text, string NamedGreeting, string AnonymousGreeting, string UnsubscribeBase)
{
    public string GreetingFor(string? name) =>
        string.IsNullOrWhiteSpace(name) ? AnonymousGreeting : string.Format(CultureInfo.GetCultureInfo(Language), NamedGreeting, name.Trim());
}

public sealed record AlertRecipient(Guid DeliveryId, Guid SubscriberId, string Email, string? Name, string Language);

public sealed record AlertEmailModel(
    AlertKind Kind,
    string CaseReference,
    string Title,
    string Summary,
    string PeopleAtRisk,
    string WhatToDo,
    DateOnly? Deadline,
    string Message,
    string Greeting,
    string ActionUrl,
    string PreferencesUrl,
    string UnsubscribeUrl);
