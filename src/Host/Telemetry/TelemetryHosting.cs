using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SecondChance.Host.Telemetry;

/// <summary>
/// OpenTelemetry traces (ASP.NET Core, Npgsql, Marten, Wolverine) and metrics (the same, and our "SecondChance"
/// meter: commands by outcome, projection lag). "Telemetry:OtlpEndpoint" (e.g. http://collector:4317) turns on the
/// OTLP exporter; without it nothing is exported and no span is sampled, so the cost is a few listener checks.
/// "Telemetry:OtlpProtocol" is grpc (default) or http/protobuf; "Telemetry:ServiceName" defaults to secondchance.
/// </summary>
public static class TelemetryHosting
{
    public const string MeterName = "SecondChance";

    /// <summary>Marten's activity source and meter.</summary>
    public const string Marten = "Marten";

    /// <summary>Wolverine's activity source; its meter is named "Wolverine:{service}", hence the wildcard.</summary>
    public const string WolverineSource = "Wolverine";
    public const string WolverineMeters = "Wolverine*";

    public static WebApplicationBuilder AddSecondChanceTelemetry(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Telemetry");
        var endpoint = section["OtlpEndpoint"];
        var exporting = !string.IsNullOrWhiteSpace(endpoint);
        builder.Services.AddSingleton<CommandMetrics>();
        builder.Services.AddSingleton<ProjectionLagMetrics>();
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(section.GetValue("ServiceName", "secondchance")!))
            .WithTracing(t => t
                .SetSampler(exporting ? new ParentBasedSampler(new AlwaysOnSampler()) : new AlwaysOffSampler())
                .AddAspNetCoreInstrumentation()
                .AddNpgsql()
                .AddSource(Marten, WolverineSource))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(Marten, WolverineMeters, MeterName)
                .AddInstrumentation(sp => sp.GetRequiredService<ProjectionLagMetrics>()));
        if (exporting)
        {
            var protocol = section["OtlpProtocol"] == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            otel.UseOtlpExporter(protocol, new Uri(endpoint!));
        }
        return builder;
    }
}
