using System.Security.Cryptography;

namespace Campaigns.Web.Infrastructure.Email;

/// <summary>
/// DKIM signing of every message the app sends (Email:Dkim): account mail, receipts, RSVPs, reminders, invitations,
/// letters and alerts alike. Unsigned when no key is set.
/// </summary>
public sealed class DkimOptions
{
    /// <summary>The d= domain; outside Development it must align with the From address (see <see cref="DomainAlignment"/>).</summary>
    public string? Domain { get; set; }

    /// <summary>The s= selector: the public key is published at {Selector}._domainkey.{Domain}.</summary>
    public string? Selector { get; set; }

    /// <summary>RSA private key, PEM. From an environment variable or user-secrets, never committed.</summary>
    public string? PrivateKeyPem { get; set; }

    public bool Signs => !string.IsNullOrWhiteSpace(PrivateKeyPem);

    /// <summary>A signer of its own for the caller (signers are not thread-safe), or null when nothing is signed.</summary>
    public FastDkimSigner? CreateSigner() => Signs ? new FastDkimSigner(PrivateKeyPem!, Domain!, Selector!) : null;

    internal IEnumerable<(string Member, string Problem)> Problems()
    {
        if (!Signs)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Domain))
        {
            yield return ("Dkim:Domain", "is required when Email:Dkim:PrivateKeyPem is set.");
        }

        if (string.IsNullOrWhiteSpace(Selector))
        {
            yield return ("Dkim:Selector", "is required when Email:Dkim:PrivateKeyPem is set.");
        }

        using var rsa = RSA.Create();
        string? problem = null;
        try
        {
            rsa.ImportFromPem(PrivateKeyPem);
        }
        catch (ArgumentException)
        {
            problem = "is not an RSA private key in PEM form (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----).";
        }
        catch (CryptographicException)
        {
            problem = "is not an RSA private key in PEM form (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----).";
        }

        if (problem is not null)
        {
            yield return ("Dkim:PrivateKeyPem", problem);
        }
        else if (rsa.KeySize < 1024)
        {
            yield return ("Dkim:PrivateKeyPem", $"is a {rsa.KeySize}-bit key; receivers ignore DKIM keys under 1024 bits (2048 recommended).");
        }
    }
}
