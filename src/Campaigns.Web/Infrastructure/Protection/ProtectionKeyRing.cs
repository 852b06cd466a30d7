using System.Text.Json;
using System.Text.RegularExpressions;
using Campaigns.Web.Infrastructure.Hosting;

namespace Campaigns.Web.Infrastructure.Protection;

/// <summary>Builds the <see cref="FieldCipher"/> from settings at start; any problem stops start naming the setting.</summary>
internal static partial class ProtectionKeyRing
{
    public const string DevelopmentKeyFile = "App_Data/protection-keys.json";

    public static FieldCipher Load(ProtectionOptions options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var encoded = new Dictionary<string, (string Value, string Setting)>(StringComparer.Ordinal);
        foreach (var (id, value) in options.Keys)
        {
            encoded[id] = (value, $"{ProtectionOptions.Section}:Keys:{id}");
        }

        var keyFile = options.KeyFile;
        if (string.IsNullOrWhiteSpace(keyFile) && encoded.Count == 0 && environment.IsDevelopment())
        {
            // The embedded default: one key generated on first run beside the SQLite database, never in it.
            keyFile = Path.Combine(environment.ContentRootPath, DevelopmentKeyFile);
            if (!File.Exists(keyFile))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
                File.WriteAllText(keyFile, JsonSerializer.Serialize(new Dictionary<string, string> { ["dev1"] = FieldCipher.NewKey() }));
            }
        }

        if (!string.IsNullOrWhiteSpace(keyFile))
        {
            foreach (var (id, value) in ReadKeyFile(keyFile))
            {
                encoded.TryAdd(id, (value, $"{ProtectionOptions.Section}:KeyFile ({id})"));
            }
        }

        if (encoded.Count == 0)
        {
            throw new StartupException(
                $"{ProtectionOptions.Section}:Keys: no encryption key for protected fields; set {ProtectionOptions.Section}:Keys:<id> to base64 of 32 random bytes, or {ProtectionOptions.Section}:KeyFile.");
        }

        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, (value, setting)) in encoded)
        {
            if (!KeyIdPattern().IsMatch(id))
            {
                throw new StartupException($"{setting}: a key id may hold only letters, digits and dashes.");
            }

            var bytes = new byte[64];
            if (!Convert.TryFromBase64String(value ?? "", bytes, out var length) || length != 32)
            {
                throw new StartupException($"{setting}: the key must be base64 of exactly 32 bytes (256 bits).");
            }

            keys[id] = bytes[..32];
        }

        var current = string.IsNullOrWhiteSpace(options.CurrentKeyId) ? (keys.Count == 1 ? keys.Keys.Single() : null) : options.CurrentKeyId;
        if (current is null || !keys.ContainsKey(current))
        {
            throw new StartupException(
                $"{ProtectionOptions.Section}:CurrentKeyId: name one of the configured keys ({string.Join(", ", keys.Keys.Order(StringComparer.Ordinal))}) for new writes.");
        }

        return new FieldCipher(keys, current);
    }

    private static Dictionary<string, string> ReadKeyFile(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new StartupException($"{ProtectionOptions.Section}:KeyFile: cannot read a JSON object of key id to base64 key from '{path}' ({ex.GetType().Name}).", ex);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,32}$")]
    private static partial Regex KeyIdPattern();
}
