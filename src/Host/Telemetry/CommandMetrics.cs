using System.Diagnostics.Metrics;

namespace SecondChance.Host.Telemetry;

/// <summary>Counts the commands the Host answered, by outcome (accepted, refused, conflict, not_found), on the "SecondChance" meter.</summary>
public sealed class CommandMetrics(IMeterFactory meters)
{
    private readonly Counter<long> _commands = meters.Create(TelemetryHosting.MeterName)
        .CreateCounter<long>("secondchance.commands", "{command}", "Commands answered, by outcome.");

    public void Record(string outcome) => _commands.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
