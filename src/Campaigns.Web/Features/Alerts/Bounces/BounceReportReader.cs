using System.Security.Cryptography;
using MimeKit;

namespace Campaigns.Web.Features.Alerts.Bounces;

public enum BounceKind
{
    /// <summary>A permanent failure (status 5.x.x): the address does not work.</summary>
    Hard,

    /// <summary>A temporary failure the sending MTA gave up on (status 4.x.x): it may work tomorrow.</summary>
    Soft,

    /// <summary>The recipient marked the message as spam (a feedback-loop report of type abuse or fraud).</summary>
    Complaint,
}

public sealed record BouncedRecipient(string Address, BounceKind Kind);

/// <summary>
/// A report as read: its key (the Message-ID, else a digest of the message) and what it says about each recipient.
/// No recipients means a report with nothing to act on, such as a "delayed" warning or a success notice.
/// </summary>
public sealed record BounceReport(string Key, IReadOnlyList<BouncedRecipient> Recipients);

/// <summary>
/// Reads delivery status notifications (RFC 3464: multipart/report; report-type=delivery-status, as Postfix, Exim,
/// Gmail and Microsoft write them) and feedback-loop reports (RFC 5965 ARF: message/feedback-report). Anything else,
/// or a report whose failures it cannot attribute to an address and a status, is not read (null): a person looks at it.
/// </summary>
public static class BounceReportReader
{
    public static BounceReport? Read(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var report = FindReport(message.Body);
        if (report is null)
        {
            return null;
        }

        var key = KeyOf(message);
        if (report.OfType<MessageDeliveryStatus>().FirstOrDefault() is { } status)
        {
            return ReadDeliveryStatus(status) is { } recipients ? new BounceReport(key, recipients) : null;
        }

        if (report.OfType<MessageFeedbackReport>().FirstOrDefault() is { } feedback)
        {
            return ReadFeedback(feedback, report) is { } complaint ? new BounceReport(key, [complaint]) : null;
        }

        return null;
    }

    /// <summary>The multipart/report, at the top or inside a multipart (never inside an enclosed message: that is the original mail).</summary>
    private static MultipartReport? FindReport(MimeEntity? entity) => entity switch
    {
        MultipartReport report => report,
        Multipart multipart => multipart.Select(FindReport).FirstOrDefault(r => r is not null),
        _ => null,
    };

    private static List<BouncedRecipient>? ReadDeliveryStatus(MessageDeliveryStatus status)
    {
        var recipients = new List<BouncedRecipient>();
        var unreadable = false;

        // The first group describes the message; each further group one recipient.
        foreach (var group in status.StatusGroups.Skip(1))
        {
            var action = group["Action"]?.Trim().ToLowerInvariant();
            var code = group["Status"]?.Trim();
            var failed = action == "failed" || (string.IsNullOrEmpty(action) && code?.StartsWith('5') == true);
            if (!failed)
            {
                // delayed, delivered, relayed, expanded: warnings and successes, nothing to count.
                continue;
            }

            var address = AddressOf(group["Final-Recipient"]) ?? AddressOf(group["Original-Recipient"]);
            var kind = code switch
            {
                _ when code?.StartsWith("5.", StringComparison.Ordinal) == true => BounceKind.Hard,
                _ when code?.StartsWith("4.", StringComparison.Ordinal) == true => BounceKind.Soft,
                _ => (BounceKind?)null,
            };
            if (address is null || kind is null)
            {
                unreadable = true;
                continue;
            }

            recipients.Add(new BouncedRecipient(address, kind.Value));
        }

        return recipients.Count == 0 && unreadable ? null : recipients;
    }

    private static BouncedRecipient? ReadFeedback(MessageFeedbackReport feedback, MultipartReport report)
    {
        var type = feedback.Fields["Feedback-Type"]?.Trim().ToLowerInvariant();
        if (type is not ("abuse" or "fraud"))
        {
            // not-spam, virus, auth-failure (DMARC reports) and other: not a person asking us to stop.
            return null;
        }

        // Original-Rcpt-To is optional (some providers leave it out); the enclosed original then says who it went to.
        var address = AddressOf(feedback.Fields["Original-Rcpt-To"]) ?? OriginalRecipient(report);
        return address is null ? null : new BouncedRecipient(address, BounceKind.Complaint);
    }

    private static string? OriginalRecipient(MultipartReport report)
    {
        var headers = report.Skip(2).FirstOrDefault() switch
        {
            // message/rfc822 or text/rfc822-headers (a MessagePart too): the original, or just its headers.
            MessagePart { Message: { } original } => original.Headers,
            _ => null,
        };
        if (headers?[HeaderId.To] is not { } to || !InternetAddressList.TryParse(to, out var list))
        {
            return null;
        }

        // A redacted or shared To (several addresses) cannot name the person who complained.
        var mailboxes = list.Mailboxes.ToList();
        return mailboxes.Count == 1 ? Checked(mailboxes[0].Address) : null;
    }

    /// <summary>"rfc822; someone@example.org" (RFC 3464 address-type; address), or an address in angle brackets.</summary>
    private static string? AddressOf(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return null;
        }

        var value = field.Trim();
        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        if (semicolon >= 0)
        {
            if (!value[..semicolon].Trim().Equals("rfc822", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            value = value[(semicolon + 1)..].Trim();
        }

        return Checked(value.Trim('<', '>', ' '));
    }

    private static string? Checked(string? address) =>
        address is { Length: > 2 and <= 320 } && address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < address.Length - 1
            && !address.Any(char.IsWhiteSpace)
            ? address
            : null;

    private static string KeyOf(MimeMessage message)
    {
        if (!string.IsNullOrWhiteSpace(message.MessageId))
        {
            return "<" + message.MessageId.Trim() + ">";
        }

        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream.ToArray()));
    }
}
