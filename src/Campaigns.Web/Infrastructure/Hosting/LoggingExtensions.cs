using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Campaigns.Web.Infrastructure.Hosting;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog with message templates; readable text on a terminal, compact JSON when the output is collected.
    /// Request logs carry the path without its query string, where signed tokens travel.
    /// </summary>
    public static WebApplicationBuilder AddCampaignsLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var interactive = !Console.IsOutputRedirected;
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Hangfire", LogEventLevel.Warning)
                .Enrich.FromLogContext();
            if (interactive)
            {
                logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        });
        return builder;
    }
}
