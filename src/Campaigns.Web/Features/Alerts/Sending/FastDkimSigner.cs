using System.Collections.Concurrent;
using System.Security.Cryptography;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Campaigns.Web.Features.Alerts.Sending;

/// <summary>
/// MimeKit's DKIM signer with the RSA done by .NET instead of BouncyCastle: ~0.4 ms instead of ~7 ms per
/// signature, which is the difference between 230 and thousands of messages per second. MimeKit builds the
/// canonical headers and body hash as usual; only the final signature comes from here. MimeKit still wants the key
/// as BouncyCastle's, whose parsing checks the primes and costs more than a thousand signatures: it is parsed once
/// per process, not once per connection.
/// Not thread-safe: one per sending connection.
/// </summary>
public sealed class FastDkimSigner : DkimSigner, IDisposable
{
    /// <summary>The headers RFC 8058 and the bulk-sender rules want covered.</summary>
    public static readonly string[] SignedHeaders = ["From", "To", "Subject", "Date", "Message-ID", "List-Unsubscribe", "List-Unsubscribe-Post"];

    private static readonly ConcurrentDictionary<string, AsymmetricKeyParameter> ParsedKeys = new(StringComparer.Ordinal);

    private readonly RSA rsa;

    public FastDkimSigner(string privateKeyPem, string domain, string selector)
        : base(ParsedKeys.GetOrAdd(privateKeyPem, ParseKey), domain, selector, DkimSignatureAlgorithm.RsaSha256)
    {
        rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed;
        BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed;
    }

    private static AsymmetricKeyParameter ParseKey(string pem)
    {
        using var reader = new StringReader(pem);
        var parsed = new Org.BouncyCastle.OpenSsl.PemReader(reader).ReadObject();
        return parsed as AsymmetricKeyParameter ?? (parsed as AsymmetricCipherKeyPair)?.Private
            ?? throw new InvalidOperationException("The DKIM key is not an RSA private key in PEM.");
    }

    protected override ISigner CreateSigningContext() => new RsaSha256Signer(rsa);

    public void Dispose() => rsa.Dispose();

    private sealed class RsaSha256Signer(RSA rsa) : ISigner
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public string AlgorithmName => "SHA-256withRSA";

        public void Init(bool forSigning, ICipherParameters parameters)
        {
        }

        public void Update(byte input) => hash.AppendData([input]);

        public void BlockUpdate(byte[] input, int inOff, int inLen) => hash.AppendData(input, inOff, inLen);

        public void BlockUpdate(ReadOnlySpan<byte> input) => hash.AppendData(input);

        public int GetMaxSignatureSize() => rsa.KeySize / 8;

        public byte[] GenerateSignature() => rsa.SignHash(hash.GetHashAndReset(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        public bool VerifySignature(byte[] signature) =>
            rsa.VerifyHash(hash.GetHashAndReset(), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        public void Reset() => hash.GetHashAndReset();
    }
}
