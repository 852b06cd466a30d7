namespace Campaigns.Web.Infrastructure.Reminders;

/// <summary>The registered audience providers, by kind.</summary>
public sealed class ReminderAudiences(IEnumerable<IReminderAudience> audiences)
{
    private readonly Dictionary<string, IReminderAudience> byKind = audiences.ToDictionary(a => a.Kind, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Kinds => byKind.Keys;

    public IReminderAudience? Find(string kind) => byKind.GetValueOrDefault(kind);
}
