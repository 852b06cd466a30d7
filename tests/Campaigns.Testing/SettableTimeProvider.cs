namespace Campaigns.Testing;

/// <summary>A clock a test moves by hand; everything else about time (timers, zones) behaves as the system's.</summary>
public sealed class SettableTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref ticks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref ticks, value.UtcTicks);
    }

    public override DateTimeOffset GetUtcNow() => Now;

    public void Set(DateTimeOffset value) => Now = value;

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
