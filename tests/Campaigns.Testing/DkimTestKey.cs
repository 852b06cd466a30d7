using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using MimeKit;
using MimeKit.Cryptography;

namespace Campaigns.Testing;

/// <summary>
/// A DKIM key pair of a test's own: the app signs with the private half (Email:Dkim:*), and MimeKit's verifier
/// checks what arrives against the public half, as a receiving server would after looking it up in DNS.
/// </summary>
public sealed class DkimTestKey : IDisposable
{
    public const string Domain = "campaigns.test";
    public const string Selector = "mail2026";

    private readonly RSA key = RSA.Create(2048);

    public string PublicKeyBase64 => Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());

    /// <summary>Signing on, with a From address in the signing domain, so the start-up alignment check passes.</summary>
    public void Configure(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Email:FromAddress", "campaigns@" + Domain);
        builder.UseSetting("Email:Dkim:Domain", Domain);
        builder.UseSetting("Email:Dkim:Selector", Selector);
        builder.UseSetting("Email:Dkim:PrivateKeyPem", key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>True when the message carries a DKIM signature that verifies.</summary>
    public bool Verifies(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var header = message.Headers.FirstOrDefault(h => h.Id == HeaderId.DkimSignature);
        return header is not null && new DkimVerifier(new KeyLocator(PublicKeyBase64)).Verify(message, header);
    }

    public void Dispose() => key.Dispose();

    private sealed class KeyLocator(string publicKey) : DkimPublicKeyLocatorBase
    {
        public override Org.BouncyCastle.Crypto.AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            GetPublicKey($"v=DKIM1; k=rsa; p={publicKey}");

        public override Task<Org.BouncyCastle.Crypto.AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
    }
}

/// <summary>The app with DKIM signing on.</summary>
public class SignedMailAppFactory : CampaignsAppFactory
{
    public DkimTestKey Dkim { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Dkim.Configure(builder);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Dkim.Dispose();
        }

        base.Dispose(disposing);
    }
}
