using System.Security.Cryptography;
using System.Text;

namespace Campaigns.Web.Infrastructure.Protection;

/// <summary>
/// AES-256-GCM for protected fields. Stored text is <c>p1.{keyId}.{base64(nonce | ciphertext | tag)}</c>: the key id
/// travels with the value so old keys keep decrypting after rotation, and text without the prefix is plaintext
/// written before protection existed (the re-encrypt job finds and encrypts it).
/// </summary>
public sealed class FieldCipher
{
    public const string Version = "p1";

    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly IReadOnlyDictionary<string, byte[]> keys;

    public FieldCipher(IReadOnlyDictionary<string, byte[]> keys, string currentKeyId)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (!keys.ContainsKey(currentKeyId))
        {
            throw new ArgumentException($"No key has the id '{currentKeyId}'.", nameof(currentKeyId));
        }

        if (keys.Values.Any(k => k.Length != 32))
        {
            throw new ArgumentException("Every key must be 32 bytes.", nameof(keys));
        }

        this.keys = keys;
        CurrentKeyId = currentKeyId;
        CurrentPrefix = $"{Version}.{currentKeyId}.";
    }

    public string CurrentKeyId { get; }

    /// <summary>Every value written now starts with this; anything else is due for the re-encrypt job.</summary>
    public string CurrentPrefix { get; }

    public static bool IsProtected(string? stored) => stored is not null && stored.StartsWith(Version + ".", StringComparison.Ordinal);

    /// <summary>Empty stays empty: it reveals only that nothing was written, and keeps "is there a note" checks simple.</summary>
    public string Protect(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        if (plaintext.Length == 0)
        {
            return plaintext;
        }

        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys[CurrentKeyId], TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), AssociatedData(CurrentKeyId));
        return CurrentPrefix + Convert.ToBase64String(output);
    }

    /// <summary>Text without the prefix is legacy plaintext and comes back as it is.</summary>
    public string Unprotect(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!IsProtected(stored))
        {
            return stored;
        }

        var parts = stored.Split('.', 3);
        if (parts.Length != 3 || !keys.TryGetValue(parts[1], out var key))
        {
            throw new CryptographicException($"A protected value uses key '{(parts.Length > 1 ? parts[1] : "")}', which is not configured (Protection:Keys).");
        }

        var data = Convert.FromBase64String(parts[2]);
        if (data.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("A protected value is truncated.");
        }

        var length = data.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, length), data.AsSpan(NonceSize + length), plain, AssociatedData(parts[1]));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>
    /// The same key ids with keys derived for another purpose (HKDF-SHA256), so one configured secret serves several
    /// uses without a ciphertext of one ever decrypting as the other.
    /// </summary>
    public FieldCipher Derive(string purpose)
    {
        var info = Encoding.UTF8.GetBytes(purpose);
        var derived = keys.ToDictionary(k => k.Key, k => HKDF.DeriveKey(HashAlgorithmName.SHA256, k.Value, 32, salt: [], info), StringComparer.Ordinal);
        return new FieldCipher(derived, CurrentKeyId);
    }

    /// <summary>
    /// A keyed fingerprint (HMAC-SHA256 with the current key, derived for <paramref name="purpose"/>): equal inputs
    /// match, and a database dump without the keys cannot test a guessed address against it, as it could a plain
    /// hash. Tied to the current key: after a rotation, new fingerprints stop matching old ones, so use it only for
    /// short-lived rows.
    /// </summary>
    public string Fingerprint(string purpose, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, keys[CurrentKeyId], 32, salt: [], Encoding.UTF8.GetBytes("fingerprint:" + purpose));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));
    }

    // Binding the key id to the ciphertext stops anyone relabelling a value to another key.
    private static byte[] AssociatedData(string keyId) => Encoding.ASCII.GetBytes($"{Version}.{keyId}");

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
