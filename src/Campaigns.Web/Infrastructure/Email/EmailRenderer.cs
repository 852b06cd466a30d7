using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Infrastructure.Email;

/// <summary>
/// Renders an email's HTML and text bodies from Razor views, in the recipient's language. Works inside a request
/// and inside a job alike, because it builds its own view context.
/// </summary>
public sealed class EmailRenderer(
    IRazorViewEngine viewEngine,
    ITempDataProvider tempData,
    IServiceProvider services,
    IStringLocalizer<SharedResource> localizer)
{
    public async Task<RenderedEmail> RenderAsync(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var previousCulture = CultureInfo.CurrentCulture;
        var previousUiCulture = CultureInfo.CurrentUICulture;
        var culture = CultureInfo.GetCultureInfo(message.Culture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var subject = localizer[message.Subject].Value;
            var html = await RenderViewAsync($"/Features/{message.Template}.cshtml", message.Model, subject);
            var text = await RenderViewAsync($"/Features/{message.Template}.Text.cshtml", message.Model, subject);
            
            // Razor HTML-encodes everything it writes; the text body wants exactly the characters, once decoded.
            return new RenderedEmail(subject, html, WebUtility.HtmlDecode(text).Trim() + "\n");
        }
        finally
        {
            CultureInfo.CurrentCulture = previousCulture;
            CultureInfo.CurrentUICulture = previousUiCulture;
        }
    }

    private async Task<string> RenderViewAsync(string path, object model, string subject)
    {
        var httpContext = new DefaultHttpContext { RequestServices = services };
        var actionContext = new ActionContext(httpContext, new RouteData(), new ActionDescriptor());
        var result = viewEngine.GetView(executingFilePath: null, viewPath: path, isMainPage: true);
        if (!result.Success)
        {
            throw new InvalidOperationException($"Email template {path} was not found.");
        }

        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var viewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary())
        {
            Model = model,
            ["Subject"] = subject,
        };
        var viewContext = new ViewContext(actionContext, result.View, viewData, new TempDataDictionary(httpContext, tempData), writer, new HtmlHelperOptions());
        await result.View.RenderAsync(viewContext);
        return writer.ToString();
    }
}

public sealed record RenderedEmail(string Subject, string HtmlBody, string TextBody);
