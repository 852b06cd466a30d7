using Campaigns.Web.Infrastructure.Hosting;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Campaigns.Web.Infrastructure.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>OpenTelemetry traces and metrics over OTLP, only when an endpoint is configured.</summary>
    public static IServiceCollection AddCampaignsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddValidatedOptions<TelemetryOptions>(configuration, TelemetryOptions.Section);
        if (telemetry.OtlpEndpoint is not { } endpoint)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(telemetry.ServiceName, serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithTracing(t => t
                .AddSource(CampaignsTelemetry.Jobs.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/healthz", StringComparison.Ordinal))
                .AddEntityFrameworkCoreInstrumentation()
                .AddNpgsql()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(o => Export(o, endpoint, telemetry.OtlpProtocol, "traces")))
            .WithMetrics(m => m
                .AddMeter(CampaignsTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddOtlpExporter(o => Export(o, endpoint, telemetry.OtlpProtocol, "metrics")));
        return services;
    }

    // Over HTTP each signal has its own path; gRPC takes the bare endpoint.
    private static void Export(OtlpExporterOptions options, Uri endpoint, OtlpExportProtocol protocol, string signal)
    {
        options.Protocol = protocol;
        options.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(endpoint, $"/v1/{signal}") : endpoint;
    }
}
