namespace Campaigns.Web.Infrastructure.Telemetry;

public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>OTLP collector, e.g. http://otel-collector:4317. Telemetry is off when empty.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Grpc (port 4317) or HttpProtobuf (port 4318), as the collector speaks.</summary>
    public OpenTelemetry.Exporter.OtlpExportProtocol OtlpProtocol { get; set; } = OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;

    public string ServiceName { get; set; } = "campaigns";
}
