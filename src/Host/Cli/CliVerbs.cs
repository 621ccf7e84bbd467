using SecondChance.Application;
using SecondChance.Application.Audit;
using SecondChance.EventStore.Audit;
using SecondChance.Host.Endpoints;
using SecondChance.Host.Http;
using SecondChance.Host.Hosting;
using SecondChance.Projections.ReadModels;

namespace SecondChance.Host.Cli;

/// <summary>
/// Auditors' verbs, run instead of the server:
///   verify [--partitions N]                                 recompute every hash chain (progress on stderr); exit 1 if broken
///   checkpoint [--out file]                                 write an audit checkpoint as JSON
///   prove file                                              recompute a checkpoint's root hash; exit 1 if it does not hold
///   export statement INMATE | replay FACILITY | reconciliation FACILITY | compliance FACILITY
///          [--from X] [--to Y] [--as-of DATE] [--known-at INSTANT] [--format csv|json] [--out file]
///          (statement and compliance: --as-of is the effective date, --known-at the recording instant; see TimeAxes)
/// </summary>
public static class CliVerbs
{
    private static readonly string[] Verbs = ["verify", "checkpoint", "prove", "export"];

    public static bool Handles(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var sp = app.Services;
        try
        {
            await sp.GetRequiredService<SchemaMigrations>().MigrateAsync();
            return args[0] switch
            {
                "verify" => await VerifyAsync(sp, args),
                "checkpoint" => await WriteAsync(Option(args, "--out"),
                    Exports.ToJson(await sp.GetRequiredService<AuditCheckpoints>().TakeAsync(sp.GetRequiredService<TimeProvider>()))),
                "prove" => await ProveAsync(sp, args),
                _ => await ExportAsync(sp, args),
            };
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        finally
        {
            await sp.GetRequiredService<SecondChanceDatabase>().DisposeAsync();
        }
    }

    private static async Task<int> VerifyAsync(IServiceProvider sp, string[] args)
    {
        var partitions = Option(args, "--partitions") is { } p ? int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var progress = new Progress<VerificationProgress>(v =>
            Console.Error.Write($"\rverified {v.StreamsChecked:N0} streams, {v.EventsChecked:N0} events   "));
        var report = await sp.GetRequiredService<ChainVerifier>().VerifyAsync(partitions, progress);
        Console.Error.WriteLine();
        Console.WriteLine(Exports.ToJson(report));
        return report.IsClean ? 0 : 1;
    }

    private static async Task<int> ProveAsync(IServiceProvider sp, string[] args)
    {
        var file = args.Length > 1 ? args[1] : throw new ArgumentException("prove takes the checkpoint JSON file written by 'checkpoint'.");
        var checkpoint = System.Text.Json.JsonSerializer.Deserialize<AuditCheckpoint>(await File.ReadAllTextAsync(file), Exports.Json)
                         ?? throw new ArgumentException($"{file} holds no checkpoint.");
        var proof = await sp.GetRequiredService<AuditCheckpoints>().ProveAsync(checkpoint);
        Console.WriteLine(Exports.ToJson(new { proof.Holds, proof.RecomputedRootHash, proof.Streams, proof.Events, proof.Checkpoint }));
        return proof.Holds ? 0 : 1;
    }

    private static async Task<int> ExportAsync(IServiceProvider sp, string[] args)
    {
        if (args.Length < 3 || !Guid.TryParse(args[2], out var id))
            throw new ArgumentException("export statement|replay|reconciliation|compliance ID [--from] [--to] [--as-of] [--known-at] [--format csv|json] [--out file]");
        var errors = new FieldErrors();
        var format = AuditInputs.Format(Option(args, "--format"), "format", errors) ?? "csv";
        var clock = sp.GetRequiredService<TimeProvider>();
        var readModels = sp.GetRequiredService<ReadModelQueries>();
        string text;
        switch (args[1])
        {
            case "statement":
                var (effective, known) = AuditEndpoints.Axes(Option(args, "--as-of"), Option(args, "--known-at"), errors);
                Fail(errors);
                var axes = await AuditEndpoints.InmateAxesAsync(sp.GetRequiredService<FacilityTimeZones>(), id, effective, known, default);
                var statement = await WageStatement.ReadAsync(readModels, id, axes, default);
                text = format == "csv" ? Exports.Statement(statement) : Exports.ToJson(statement);
                break;
            case "replay" or "reconciliation":
                var from = AuditInputs.Instant(Option(args, "--from"), "from", errors) ?? DateTimeOffset.MinValue;
                var to = AuditInputs.Instant(Option(args, "--to"), "to", errors) ?? DateTimeOffset.MaxValue;
                Fail(errors);
                if (args[1] == "replay")
                {
                    var replay = await sp.GetRequiredService<FacilityReplayQuery>().ReplayAsync(id, from, to, default);
                    text = format == "csv" ? Exports.Replay(replay) : Exports.ToJson(new { replay.FacilityId, replay.From, replay.To, replay.Lines });
                }
                else
                {
                    var r = await sp.GetRequiredService<ReconcileFacility>().ReconcileAsync(id, from, to, AuditEndpoints.ReadModelBalance(readModels), default);
                    text = format == "csv" ? Exports.Reconciliation(r) : Exports.ToJson(r);
                }
                break;
            case "compliance":
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                var f = AuditInputs.Date(Option(args, "--from"), "from", errors) ?? today.AddMonths(-1);
                var t = AuditInputs.Date(Option(args, "--to"), "to", errors) ?? today;
                var (asOf, knownAt) = AuditEndpoints.Axes(Option(args, "--as-of"), Option(args, "--known-at"), errors);
                Fail(errors);
                var report = await sp.GetRequiredService<OversightReportQuery>().FacilityAsync(id, f, t, asOf, knownAt, default)
                             ?? throw new ArgumentException($"No facility has id {id}.");
                text = format == "csv" ? Exports.Compliance(report) : Exports.ToJson(report);
                break;
            default:
                throw new ArgumentException($"Cannot export '{args[1]}': statement, replay, reconciliation or compliance.");
        }
        Fail(errors);
        return await WriteAsync(Option(args, "--out"), text);
    }

    private static void Fail(FieldErrors errors)
    {
        if (errors.Any) throw new ArgumentException(string.Join(Environment.NewLine, errors.ToDictionary().SelectMany(e => e.Value)));
    }

    private static async Task<int> WriteAsync(string? path, string text)
    {
        if (path is null) Console.Write(text);
        else await File.WriteAllTextAsync(path, text);
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
