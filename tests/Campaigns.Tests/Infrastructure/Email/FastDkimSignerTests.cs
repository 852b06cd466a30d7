using System.Security.Cryptography;
using Campaigns.Web.Infrastructure.Email;
using MimeKit;
using MimeKit.Cryptography;

namespace Campaigns.Tests.Infrastructure.Email;

public sealed class FastDkimSignerTests
{
    [Fact]
    public void A_signature_made_with_dotnet_RSA_verifies_with_MimeKit_and_covers_the_unsubscribe_headers()
    {
        using var key = RSA.Create(2048);
        using var signer = new FastDkimSigner(key.ExportPkcs8PrivateKeyPem(), "campaigns.test", "s1");
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Campaigns", "alerts@campaigns.test"));
        message.To.Add(new MailboxAddress("Ana", "ana@example.org"));
        message.Subject = "Acción urgente: defensoras del río";
        message.Date = DateTimeOffset.UtcNow;
        message.MessageId = "test@campaigns.test";
        message.Headers.Add("List-Unsubscribe", "<https://campaigns.test/alerts/unsubscribe/token>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Body = new BodyBuilder { TextBody = "Escriba hoy.", HtmlBody = "<p>Escriba hoy.</p>" }.ToMessageBody();
        message.Prepare(EncodingConstraint.SevenBit);

        signer.Sign(message, FastDkimSigner.SignedHeaders);

        var header = message.Headers.First(h => h.Id == HeaderId.DkimSignature);
        Assert.Contains("list-unsubscribe-post", header.Value, StringComparison.OrdinalIgnoreCase);
        Assert.True(new DkimVerifier(new Locator(Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()))).Verify(message, header));

        message.Headers.Replace("List-Unsubscribe", "<https://evil.example/>");
        Assert.False(new DkimVerifier(new Locator(Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()))).Verify(message, header));
    }

    [Fact]
    public void A_multipart_message_with_folded_headers_and_untidy_lines_verifies_after_the_trip_through_the_wire()
    {
        using var key = RSA.Create(2048);
        using var signer = new FastDkimSigner(key.ExportPkcs8PrivateKeyPem(), "campaigns.test", "s1");
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Campaigns Solidaridad", "alerts@campaigns.test"));
        message.To.Add(new MailboxAddress("Zoë Ünal-Pérez", "zoe@example.org"));
        message.Subject = string.Concat(Enumerable.Repeat("Acción urgente: las defensoras del río siguen amenazadas ", 3));
        message.Date = DateTimeOffset.UtcNow;
        message.MessageId = "bulk-1@campaigns.test";
        message.Headers.Add("List-Unsubscribe", "<https://campaigns.test/alerts/unsubscribe/" + new string('t', 200) + ">");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Body = new BodyBuilder { TextBody = "Línea con espacios   \t \r\n\tsangrada  y  más\r\n\r\n\r\n", HtmlBody = "<p>Escriba   hoy.</p>   \r\n" }.ToMessageBody();
        message.Prepare(EncodingConstraint.SevenBit);

        signer.Sign(message, FastDkimSigner.SignedHeaders);
        using var wire = new MemoryStream();
        message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, wire);
        wire.Position = 0;
        var received = MimeMessage.Load(wire);

        var header = received.Headers.First(h => h.Id == HeaderId.DkimSignature);
        Assert.Contains("a=rsa-sha256", header.Value, StringComparison.Ordinal);
        Assert.Contains("c=relaxed/relaxed", header.Value, StringComparison.Ordinal);
        Assert.True(new DkimVerifier(new Locator(Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()))).Verify(received, header));

        ((TextPart)((Multipart)received.Body!)[0]).Text = "Línea cambiada";
        Assert.False(new DkimVerifier(new Locator(Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()))).Verify(received, header));
    }

    [Theory]
    [InlineData(" C \r\nD \t E\r\n\r\n\r\n", " C\r\nD E\r\n")] // RFC 6376, 3.4.6
    [InlineData("a\r\n\r\nb", "a\r\n\r\nb\r\n")]
    [InlineData("\r\n\r\n", "")]
    [InlineData("", "")]
    public void The_relaxed_body_keeps_inner_empty_lines_and_drops_trailing_ones(string body, string expected)
    {
        using var output = new MemoryStream();

        FastDkimSigner.WriteRelaxedBody(System.Text.Encoding.ASCII.GetBytes(body), output);

        Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(output.ToArray()));
    }

    private sealed class Locator(string key) : DkimPublicKeyLocatorBase
    {
        public override Org.BouncyCastle.Crypto.AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            GetPublicKey($"v=DKIM1; k=rsa; p={key}");

        public override Task<Org.BouncyCastle.Crypto.AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
    }
}
