using SecondChance.Integrity.Tenancy;
using SecondChance.Application;
using SecondChance.Application.Audit;
using SecondChance.Integrity.HashChain;
using SecondChance.Host.Endpoints;
using SecondChance.Host.Http;
using SecondChance.Host.Hosting;
using SecondChance.Projections.ReadModels;

namespace SecondChance.Host.Cli;

/// <summary>Auditors' verbs, run instead of the server: verify, checkpoint, prove and export (options in <see cref="CliHelp"/>).</summary>
public static class CliVerbs
{
    private static readonly string[] Verbs = ["verify", "checkpoint", "prove", "export"];

    public static bool Handles(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var sp = app.Services;
        try
        {
            // the file to prove is read through before anything touches the database
            var toProve = args[0] == "prove" ? ReadCheckpoint(args) : null;
            await sp.GetRequiredService<SchemaMigrations>().MigrateAsync();
            using var _ = TenantScope.Enter(await CliTenant.ResolveAsync(sp, args));
            return args[0] switch
            {
                "verify" => await VerifyAsync(sp, args),
                "checkpoint" => await CheckpointAsync(sp, args),
                "prove" => await ProveAsync(sp, toProve!),
                _ => await ExportAsync(sp, args),
            };
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"{args[0]}: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"{args[0]} could not finish: {e.Message}");
            return 3;
        }
        finally
        {
            await sp.GetRequiredService<SecondChanceDatabase>().DisposeAsync();
        }
    }

    private static async Task<int> VerifyAsync(IServiceProvider sp, string[] args)
    {
        var partitions = 0;
        if (Option(args, "--partitions") is { } p && (!int.TryParse(p, System.Globalization.CultureInfo.InvariantCulture, out partitions) || partitions is < 0 or > 64))
            throw new ArgumentException($"--partitions is a whole number from 0 (as many as cores) to 64, not '{p}'.");
        var progress = new Immediate<VerificationProgress>(v =>
            Console.Error.Write($"\rverified {v.StreamsChecked:N0} streams, {v.EventsChecked:N0} events   "));
        var report = await sp.GetRequiredService<ChainVerifier>().VerifyAsync(partitions, progress);
        Console.Error.WriteLine();
        Console.WriteLine(Exports.ToJson(report));
        return report.IsClean ? 0 : 1;
    }

    private static async Task<int> CheckpointAsync(IServiceProvider sp, string[] args)
    {
        var checkpoints = sp.GetRequiredService<AuditCheckpoints>();
        var clock = sp.GetRequiredService<TimeProvider>();
        AuditCheckpoint checkpoint;
        if (Option(args, "--out") is not { } path)
        {
            await using (var stdout = Console.OpenStandardOutput())
                checkpoint = await CheckpointFile.WriteAsync(checkpoints, clock, stdout);
            await Console.Error.WriteLineAsync($"Checkpoint of {checkpoint.Streams:N0} streams and {checkpoint.Events:N0} events, root hash {checkpoint.RootHash}.");
            return 0;
        }
        var full = Path.GetFullPath(path);
        var partial = full + ".partial";
        try
        {
            // written aside and moved into place, so a failed run never leaves a truncated checkpoint under the name
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write))
                checkpoint = await CheckpointFile.WriteAsync(checkpoints, clock, file);
            File.Move(partial, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(partial)) File.Delete(partial);
            throw new ArgumentException($"Cannot write {full}: {e.Message}");
        }
        Console.WriteLine($"Wrote the checkpoint to {full}: root hash {checkpoint.RootHash} over {checkpoint.Streams:N0} streams and " +
                          $"{checkpoint.Events:N0} events, up to position {checkpoint.Position} of transaction {checkpoint.TransactionId}.");
        return 0;
    }

    private sealed record CheckpointToProve(string Path, CheckpointFileContents Contents);

    private static CheckpointToProve ReadCheckpoint(string[] args)
    {
        if (args.Length < 2 || args[1].StartsWith('-'))
            throw new ArgumentException("prove takes the file that 'checkpoint --out FILE' wrote: prove FILE.");
        var path = args[1];
        if (Directory.Exists(path)) throw new ArgumentException($"{path} is a folder, not a checkpoint file.");
        if (!File.Exists(path)) throw new ArgumentException($"There is no file {path}.");
        try
        {
            return new CheckpointToProve(path, CheckpointFile.Read(() => File.OpenRead(path)));
        }
        catch (CheckpointFormatException e)
        {
            throw new ArgumentException($"{path} is not a checkpoint: {e.Message}.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"Cannot read {path}: {e.Message}");
        }
    }

    private static async Task<int> ProveAsync(IServiceProvider sp, CheckpointToProve file)
    {
        var (checkpoint, hasHeads) = file.Contents;
        var progress = new Immediate<VerificationProgress>(v =>
            Console.Error.Write($"\rrecomputed {v.StreamsChecked:N0} streams, {v.EventsChecked:N0} events   "));
        var proof = await sp.GetRequiredService<AuditCheckpoints>().ProveAsync(checkpoint,
            hasHeads ? CheckpointFile.Heads(() => File.OpenRead(file.Path)) : null, progress);
        Console.Error.WriteLine();
        Console.WriteLine(Exports.ToJson(Exports.Proof(proof)));
        await Console.Error.WriteLineAsync(Exports.Verdict(proof));
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
                    text = format == "csv" ? Exports.Replay(replay) : Exports.ToJson(FacilityReplayView.Of(replay));
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
                var report = await sp.GetRequiredService<OversightReportQuery>().FacilityAsync(id, f, t, asOf, knownAt, seesConfidential: false, default)
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
        if (i < 0) return null;
        return i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
            ? args[i + 1]
            : throw new ArgumentException($"{name} needs a value; see {args[0]} --help.");
    }

    /// <summary>Reports on the reporting thread, so no progress line lands after the result.</summary>
    private sealed class Immediate<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
