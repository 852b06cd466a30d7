namespace Campaigns.Testing;

/// <summary>A clock the test sets and moves; everything else about time behaves as the system's.</summary>
public sealed class SettableTimeProvider(DateTimeOffset now) : TimeProvider
{
    private readonly object gate = new();
    private DateTimeOffset current = now;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return current;
        }
    }

    public void Set(DateTimeOffset value)
    {
        lock (gate)
        {
            current = value;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            current += by;
        }
    }
}
