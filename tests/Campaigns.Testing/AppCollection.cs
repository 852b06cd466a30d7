using Xunit;

namespace Campaigns.Testing;

/// <summary>Every test class that hosts the app joins this collection: Hangfire's static state allows one host at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AppCollection
{
    public const string Name = "App";
}
