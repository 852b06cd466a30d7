using System.Xml.Linq;
using Campaigns.Web.Data;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Infrastructure.Protection;

/// <summary>
/// Encrypts each ASP.NET Data Protection key before it is written to the database, with a key that never lives
/// there (the protected-field keys, <see cref="ProtectionOptions"/>). The key ring signs the auth cookie and every
/// signed link: stored in clear, a copy of the database alone would let anyone forge an Admin session.
/// </summary>
public sealed class KeyRingXmlEncryptor(FieldCipher cipher) : IXmlEncryptor
{
    internal const string ElementName = "campaignsProtectedKey";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var element = new XElement(ElementName, cipher.Protect(plaintextElement.ToString(SaveOptions.DisableFormatting)));
        return new EncryptedXmlInfo(element, typeof(KeyRingXmlDecryptor));
    }
}

/// <summary>
/// Data Protection creates decryptors by type name, through a constructor taking the service provider. A key
/// written under a retired field key stays readable as long as that key id is still configured.
/// </summary>
public sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var cipher = services.GetRequiredService<KeyRingCipher>().Cipher;
        return XElement.Parse(cipher.Unprotect(encryptedElement.Value));
    }
}

/// <summary>The field keys, derived for this one purpose, so a key-ring ciphertext never passes for a field value.</summary>
public sealed class KeyRingCipher(FieldCipher fieldCipher)
{
    public FieldCipher Cipher { get; } = fieldCipher.Derive("campaigns data protection key ring");
}

/// <summary>
/// Keys written in clear before the key ring was encrypted may have left with a backup: they are deleted on
/// upgrade, so nothing signed with them is accepted again. Everyone signs in again once; emailed links made with
/// them stop working.
/// </summary>
public sealed class PlaintextKeyRingPurge(CampaignsDbContext db, ILogger<PlaintextKeyRingPurge> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var rows = await db.DataProtectionKeys.AsNoTracking().Select(k => new { k.Id, k.Xml }).ToListAsync(cancellationToken);
        var plaintext = rows.Where(r => !IsEncrypted(r.Xml)).Select(r => r.Id).ToList();
        if (plaintext.Count == 0)
        {
            return;
        }

        await db.DataProtectionKeys.Where(k => plaintext.Contains(k.Id)).ExecuteDeleteAsync(cancellationToken);
        logger.LogWarning("Deleted {Count} data protection keys stored unencrypted; sessions and links signed with them are no longer accepted", plaintext.Count);
    }

    /// <summary>
    /// A key keeps its secret in a masterKey element when written in clear; encrypted, that element is replaced by
    /// an encryptedSecret one. Revocation records hold no secret and stay.
    /// </summary>
    internal static bool IsEncrypted(string? xml) =>
        string.IsNullOrEmpty(xml) || !XElement.Parse(xml).DescendantsAndSelf().Any(e => e.Name.LocalName == "masterKey");
}
