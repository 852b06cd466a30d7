using System.Security.Cryptography;
using Campaigns.Web.Features.Alerts.Sending;
using MimeKit;
using MimeKit.Cryptography;

namespace Campaigns.Tests.Features.Alerts;

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

    private sealed class Locator(string key) : DkimPublicKeyLocatorBase
    {
        public override Org.BouncyCastle.Crypto.AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            GetPublicKey($"v=DKIM1; k=rsa; p={key}");

        public override Task<Org.BouncyCastle.Crypto.AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
    }
}
