namespace Campaigns.Web.Infrastructure.Protection;

/// <summary>
/// Keys for protected fields (docs/adr/0008-protected-fields.md). They live outside the database on purpose: a dump
/// of the database alone must reveal no protected value.
/// </summary>
public sealed class ProtectionOptions
{
    public const string Section = "Protection";

    /// <summary>Key id → base64 of 32 random bytes. Ids are letters, digits and dashes.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>A JSON file of key id → base64 key, merged with <see cref="Keys"/>; e.g. a mounted secret.</summary>
    public string? KeyFile { get; set; }

    /// <summary>The key new writes use. Optional when exactly one key is known.</summary>
    public string? CurrentKeyId { get; set; }
}
