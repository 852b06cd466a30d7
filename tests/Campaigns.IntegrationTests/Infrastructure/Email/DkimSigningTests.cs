using Campaigns.Testing;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Campaigns.IntegrationTests.Infrastructure.Email;

/// <summary>
/// Every message the queue sends is DKIM-signed, not only alerts, and verifies after the trip over real SMTP; the
/// headers a forwarder could add to change what the reader sees are oversigned.
/// </summary>
public sealed class DkimSigningTests(SignedMailAppFactory app) : AppTestBase(app), IClassFixture<SignedMailAppFactory>
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(20);

    private new SignedMailAppFactory App => (SignedMailAppFactory)base.App;

    [Fact]
    public async Task Account_mail_arrives_signed_and_a_second_subject_added_in_transit_breaks_the_signature()
    {
        var received = await SendAsync(new EmailMessage("signed-account@example.org", "Ana", "Reset your password", "Accounts/Emails/ResetPassword",
            new Web.Features.Accounts.AccountEmailModel("Ana", "http://localhost/x"), "fr"));

        Assert.True(App.Dkim.Verifies(received), "DKIM signature does not verify");
        var tags = SignatureTags(received);
        Assert.Equal(DkimTestKey.Domain, tags["d"]);
        Assert.Equal(DkimTestKey.Selector, tags["s"]);
        var signed = tags["h"].Split(':');
        foreach (var name in new[] { "from", "to", "subject", "date", "message-id" })
        {
            Assert.Contains(name, signed);
        }

        // Oversigned: listed once more than the message has them, so none may be added.
        Assert.Equal(2, signed.Count(h => h == "from"));
        Assert.Equal(2, signed.Count(h => h == "subject"));
        Assert.Equal(1, signed.Count(h => h == "list-unsubscribe"));
        Assert.Equal(1, signed.Count(h => h == "list-unsubscribe-post"));

        var forged = Reload(received);
        forged.Headers.Add(HeaderId.Subject, "Votre compte est bloqué");
        Assert.False(App.Dkim.Verifies(forged), "A second Subject did not break the signature");

        var prepended = Reload(received);
        prepended.Headers.Insert(1, new Header(HeaderId.Subject, "Votre compte est bloqué"));
        Assert.False(App.Dkim.Verifies(prepended), "A second Subject above the first did not break the signature");

        var unsubscribe = Reload(received);
        unsubscribe.Headers.Add("List-Unsubscribe", "<https://evil.example/u>");
        Assert.False(App.Dkim.Verifies(unsubscribe), "A List-Unsubscribe added to a message without one did not break the signature");
    }

    [Fact]
    public async Task List_mail_arrives_with_signed_one_click_headers_that_cannot_be_doubled()
    {
        var received = await SendAsync(new EmailMessage("signed-list@example.org", null, "Reset your password", "Accounts/Emails/ResetPassword",
            new Web.Features.Accounts.AccountEmailModel("Ana", "http://localhost/x"), "es", OneClickUnsubscribeUrl: "https://campaigns.test/tours/invitations/stop/t"));

        Assert.True(App.Dkim.Verifies(received), "DKIM signature does not verify");
        Assert.Equal("<https://campaigns.test/tours/invitations/stop/t>", received.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", received.Headers["List-Unsubscribe-Post"]);
        var signed = SignatureTags(received)["h"].Split(':');
        Assert.Equal(2, signed.Count(h => h == "list-unsubscribe"));
        Assert.Equal(2, signed.Count(h => h == "list-unsubscribe-post"));

        var second = Reload(received);
        second.Headers.Add("List-Unsubscribe", "<https://evil.example/u>");
        Assert.False(App.Dkim.Verifies(second), "A second List-Unsubscribe did not break the signature");

        var changed = Reload(received);
        changed.Headers.Replace("List-Unsubscribe", "<https://evil.example/u>");
        Assert.False(App.Dkim.Verifies(changed), "A changed List-Unsubscribe did not break the signature");
    }

    [Fact]
    public async Task A_message_with_a_calendar_attachment_verifies_and_its_text_is_canonical()
    {
        var received = await SendAsync(new EmailMessage("signed-ics@example.org", "Ana", "Reset your password", "Accounts/Emails/ResetPassword",
            new Web.Features.Accounts.AccountEmailModel("Ana", "http://localhost/x"), "en",
            new EmailAttachment("event.ics", "text/calendar; method=PUBLISH; charset=utf-8", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")));

        Assert.True(App.Dkim.Verifies(received), "DKIM signature does not verify");
        var text = received.BodyParts.OfType<TextPart>().First(p => p.IsPlain);
        Assert.Equal(ContentEncoding.Base64, text.ContentTransferEncoding);
        using var decoded = new MemoryStream();
        await text.Content!.DecodeToAsync(decoded);
        var raw = System.Text.Encoding.UTF8.GetString(decoded.ToArray());
        Assert.DoesNotMatch("[^\r]\n", raw);
        Assert.Contains("\r\n", raw, StringComparison.Ordinal);
        var calendar = received.Attachments.OfType<MimePart>().Single();
        Assert.Equal("text/calendar", calendar.ContentType.MimeType);
        Assert.Equal("PUBLISH", calendar.ContentType.Parameters["method"]);
        Assert.Equal("event.ics", calendar.FileName);
    }

    private async Task<MimeMessage> SendAsync(EmailMessage message)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EmailQueue>().QueueAsync(message, "test", CancellationToken.None);
        return await App.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == message.ToAddress), MailTimeout);
    }

    private static Dictionary<string, string> SignatureTags(MimeMessage message) =>
        (message.Headers[HeaderId.DkimSignature] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.Split('=', 2))
            .ToDictionary(t => t[0], t => string.Concat(t[1].Where(c => !char.IsWhiteSpace(c))), StringComparer.Ordinal);

    /// <summary>A copy of what arrived, to tamper with as a server in transit would.</summary>
    private static MimeMessage Reload(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }
}
