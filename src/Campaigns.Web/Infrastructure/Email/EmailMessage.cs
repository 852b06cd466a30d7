namespace Campaigns.Web.Infrastructure.Email;

/// <summary>
/// What a use case asks to send: a template (a Razor view under Features/.../Emails), its model and the recipient.
/// </summary>
/// <param name="Template">View path such as "Accounts/Emails/ResetPassword"; ".Text" is appended for the text body.</param>
/// <param name="Culture">The recipient's language, e.g. "es"; the template renders in it.</param>
/// <param name="Attachment">An optional text attachment, such as an event's .ics.</param>
/// <param name="OneClickUnsubscribeUrl">For bulk mail: an https URL whose POST unsubscribes (RFC 8058).</param>
public sealed record EmailMessage(
    string ToAddress, string? ToName, string Subject, string Template, object Model, string Culture, EmailAttachment? Attachment = null,
    string? OneClickUnsubscribeUrl = null);

/// <summary>A small text attachment kept with the queued email, so a retry sends exactly what was composed.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, string Content);
