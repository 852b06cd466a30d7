namespace Campaigns.Web;

/// <summary>Marker for the one resource set every view and use case shares: Resources/SharedResource.{culture}.resx.</summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T>; it is never instantiated.
public sealed class SharedResource
#pragma warning restore CA1052
{
}
