namespace Campaigns.Web.Infrastructure.Email;

/// <summary>
/// What a use case asks to send: a template (a Razor view under Features/.../Emails), its model and the recipient.
/// </summary>
/// <param name="Template">View path such as "Accounts/Emails/ResetPassword"; ".Text" is appended for the text body.</param>
/// <param name="Culture">The recipient's language, e.g. "es"; the template renders in it.</param>
/// <param name="Attachment">An optional text attachment, such as an event's .ics.</param>
/// <param name="OneClickUnsubscribeUrl">For bulk mail: an https URL whose POST unsubscribes (RFC 8058).</param>
/// <param name="ReplyTo">
/// Where answers go when they should not come to the organisation: an activist's letter is sent From the
/// organisation's address (the only one it may send as, so DMARC passes) and answered to the activist.
/// </param>
public sealed record EmailMessage(
    string ToAddress, string? ToName, string Subject, string Template, object Model, string Culture, EmailAttachment? Attachment = null,
    string? OneClickUnsubscribeUrl = null, EmailReplyTo? ReplyTo = null);

public sealed record EmailReplyTo(string Address, string? Name);

/// <summary>A small text attachment kept with the queued email, so a retry sends exactly what was composed.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, string Content);
