using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Campaigns.Web.Infrastructure.Hosting;

/// <summary>
/// A controller's views sit beside it: a controller in namespace Campaigns.Web.Features.Admin.Users finds
/// its views in /Features/Admin/Users/, then in the configured locations (/Features/{controller}/, /Features/Shared/).
/// </summary>
public sealed class FeatureFolderViewLocationExpander : IViewLocationExpander
{
    private const string Marker = ".Features.";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action)
        {
            var ns = action.ControllerTypeInfo.Namespace ?? "";
            var at = ns.IndexOf(Marker, StringComparison.Ordinal);
            context.Values["feature"] = at < 0 ? "" : ns[(at + Marker.Length)..].Replace('.', '/');
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Values.TryGetValue("feature", out var feature) && !string.IsNullOrEmpty(feature))
        {
            yield return $"/Features/{feature}/{{0}}.cshtml";
        }

        foreach (var location in viewLocations)
        {
            yield return location;
        }
    }
}
