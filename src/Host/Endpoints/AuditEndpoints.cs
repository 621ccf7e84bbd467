using SecondChance.Application.Audit;
using SecondChance.Integrity.Events;
using SecondChance.Integrity.HashChain;
using SecondChance.Host.Cli;
using SecondChance.Host.Http;
using SecondChance.Host.Security;
using SecondChance.Projections.ReadModels;

namespace SecondChance.Host.Endpoints;

/// <summary>
/// Auditors: wage balances by time travel, a facility's replayed wage and proceeds history and its reconciliation
/// (JSON, or CSV with ?format=csv or Accept: text/csv), and the tamper-evidence verify / checkpoint / prove operations.
/// </summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        var wages = routes.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.ReadFinancial);
        wages.AddEndpointFilter(new ReadScopeFilter());
        wages.MapGet("/wages/inmates/{inmateId:guid}/balances", async (Guid inmateId, string? asOf, string? knownAt, long? version,
            WageBalancesQuery q, FacilityTimeZones zones, MartenEventLog log, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            var (effective, known) = Axes(asOf, knownAt, e);
            if (version is < 1) e.Add("version", "The version field must be at least 1.");
            if (knownAt is not null && version is not null) e.Add("version", "Give knownAt or version, not both: each says how much of the record was known.");
            if (e.Any) return Results.ValidationProblem(e.ToDictionary());
            if (await KnownInmate.UnknownAsync(log, inmateId, ct) is { } unknown) return unknown;
            return Results.Ok(await q.AsOfAsync(inmateId, await InmateAxesAsync(zones, inmateId, effective, known, ct), version, ct));
        }).WithName("AuditWageBalances").ReadsEventLog().WithDescription(TimeAxesDescription + " version (instead of knownAt) reads the account up to that event.")
            .WithQuery(AsOfParameter, KnownAtParameter, new QueryParameter("version", typeof(long), "Balances as of this version of the wage account (instead of knownAt)."))
            .Produces<WageBalances>().ProducesProblem(StatusCodes.Status404NotFound);
        wages.MapGet("/wages/inmates/{inmateId:guid}/statement", async (Guid inmateId, string? asOf, string? knownAt, string? format, HttpContext http,
            ReadModelQueries q, FacilityTimeZones zones, MartenEventLog log, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            var (effective, known) = Axes(asOf, knownAt, e);
            var f = AuditInputs.Format(format, "format", e);
            if (e.Any) return Results.ValidationProblem(e.ToDictionary());
            if (await KnownInmate.UnknownAsync(log, inmateId, ct) is { } unknown) return unknown;
            var axes = await InmateAxesAsync(zones, inmateId, effective, known, ct);
            var statement = await WageStatement.ReadAsync(q, inmateId, axes, ct);
            return Respond(http, f, FileName($"statement-{inmateId:N}", axes), statement, () => Exports.Statement(statement));
        }).WithName("AuditWageStatement").ReadsCurrentReadModel("wages").WithDescription(TimeAxesDescription + " Lines are in effective order; the closing balances are the last line's.")
            .WithQuery(AsOfParameter, KnownAtParameter, Format).ProducesJsonOrCsv<WageStatement>().ProducesProblem(StatusCodes.Status404NotFound);
        wages.MapGet("/facilities/{facilityId:guid}/replay", async (Guid facilityId, string? from, string? to, string? format, HttpContext http,
            FacilityReplayQuery q, TimeProvider clock, CancellationToken ct) =>
        {
            if (Period(from, to, format, clock, out var f, out var t, out var fmt) is { } bad) return bad;
            var replay = await q.ReplayAsync(facilityId, f, t, ct);
            return Respond(http, fmt, $"replay-{facilityId:N}", FacilityReplayView.Of(replay), () => Exports.Replay(replay));
        }).WithName("AuditFacilityReplay").ReadsEventLog().WithQuery(From, To, Format)
            .ProducesJsonOrCsv<FacilityReplayView>();
        wages.MapGet("/facilities/{facilityId:guid}/reconciliation", async (Guid facilityId, string? from, string? to, string? format, HttpContext http,
            ReconcileFacility q, ReadModelQueries readModels, TimeProvider clock, CancellationToken ct) =>
        {
            if (Period(from, to, format, clock, out var f, out var t, out var fmt) is { } bad) return bad;
            var r = await q.ReconcileAsync(facilityId, f, t, ReadModelBalance(readModels), ct);
            return Respond(http, fmt, $"reconciliation-{facilityId:N}", r, () => Exports.Reconciliation(r));
        }).WithName("AuditFacilityReconciliation").ComparesWithReadModel("wages").WithQuery(From, To, Format)
            .ProducesJsonOrCsv<Reconciliation>();

        var chain = routes.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.ReadAudit);
        chain.MapPost("/verify", async (int? partitions, ChainVerifier verifier, CancellationToken ct) =>
        {
            if (partitions is < 0 or > 64) return Problems.BadRequest("partitions", "The partitions field is between 0 and 64.");
            return Results.Ok(await verifier.VerifyAsync(partitions ?? 0, null, ct));
        }).WithName("VerifyHashChains").Produces<VerificationReport>().ProducesValidationProblem();
        chain.MapPost("/checkpoints", async (AuditCheckpoints checkpoints, TimeProvider clock, CancellationToken ct) =>
            Results.Ok(await checkpoints.TakeAsync(clock, ct))).WithName("TakeAuditCheckpoint").Produces<AuditCheckpoint>();
        chain.MapPost("/checkpoints/prove", async (HttpContext http, AuditCheckpoints checkpoints, CancellationToken ct) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, ct);
            var bytes = body.ToArray();
            CheckpointFileContents read;
            try { read = CheckpointFile.Read(() => new MemoryStream(bytes, writable: false)); }
            catch (CheckpointFormatException e)
            {
                return Problems.BadRequest(e.Field, $"The body is not a checkpoint as POST /audit/checkpoints returns it: {e.Message}.");
            }
            var heads = read.HasHeads ? CheckpointFile.Heads(() => new MemoryStream(bytes, writable: false)) : null;
            return Results.Ok(Exports.Proof(await checkpoints.ProveAsync(read.Checkpoint, heads, null, ct)));
        }).WithName("ProveAuditCheckpoint").Produces<CheckpointProofView>().ProducesValidationProblem();
        return routes;
    }

    /// <summary>What asOf and knownAt mean wherever they are taken (the OpenAPI description of those endpoints).</summary>
    internal const string TimeAxesDescription =
        "Two time axes, never mixed. asOf is the effective date (yyyy-MM-dd: everything that took effect by the end of that day at the "
        + "facility, read with everything recorded so far; an ISO 8601 instant is also accepted; asOf once meant the recording instant, "
        + "which is now knownAt). knownAt is an ISO 8601 instant on the recording axis: only what had been recorded by "
        + "then, i.e. what the system said at that instant. Together: what the system said at knownAt about asOf. The response echoes "
        + "asOf, effectiveThrough (the last instant counted as in effect) and knownAt; null means that axis was not limited.";

    internal static (AsOf? AsOf, DateTimeOffset? KnownAt) Axes(string? asOf, string? knownAt, FieldErrors e) =>
        (AuditInputs.Effective(asOf, "asOf", e), AuditInputs.Instant(knownAt, "knownAt", e));

    /// <summary>The axes for one inmate: a date is read in the time zone of the inmate's facility.</summary>
    internal static async Task<TimeAxes> InmateAxesAsync(FacilityTimeZones zones, Guid inmateId, AsOf? asOf, DateTimeOffset? knownAt, CancellationToken ct) =>
        TimeAxes.For(asOf, knownAt, asOf?.Date is null ? "UTC" : (await zones.OfInmateAsync(inmateId, knownAt, ct)).TimeZoneId);

    /// <summary>A download's name says which axes it was taken on.</summary>
    internal static string FileName(string name, TimeAxes axes) =>
        name + (axes.AsOf is { } a ? $"-as-of-{a.Replace(":", "")}" : "") + (axes.KnownAt is { } k ? $"-known-at-{k:yyyyMMdd'T'HHmmss'Z'}" : "");

    internal static readonly QueryParameter Format = new("format", typeof(string), "json (default) or csv; Accept: text/csv also asks for CSV.");
    private static readonly QueryParameter From = new("from", typeof(DateTimeOffset), "Start of the period, an instant (default: the beginning).");
    private static readonly QueryParameter To = new("to", typeof(DateTimeOffset), "End of the period, an instant (default: no end).");
    internal static readonly QueryParameter AsOfParameter =
        new("asOf", typeof(string), "The effective date, yyyy-MM-dd (an ISO 8601 instant is also accepted): what took effect by the end of that day.");
    internal static readonly QueryParameter KnownAtParameter =
        new("knownAt", typeof(DateTimeOffset), "The recording instant: only what had been recorded by then.");

    internal static Func<Guid, CancellationToken, Task<ReadModelBalance?>> ReadModelBalance(ReadModelQueries q) => async (inmate, ct) =>
        (await q.Wages.StatementAsync(inmate, ct: ct)) is { Count: > 0 } lines
            ? new ReadModelBalance(lines[^1].SpendableBalance, lines[^1].SavingsBalance, lines[^1].FamilyBalance)
            : null;

    private static IResult? Period(string? from, string? to, string? format, TimeProvider clock,
        out DateTimeOffset f, out DateTimeOffset t, out string? fmt)
    {
        var e = new FieldErrors();
        f = AuditInputs.Instant(from, "from", e) ?? DateTimeOffset.MinValue;
        t = AuditInputs.Instant(to, "to", e) ?? DateTimeOffset.MaxValue;
        fmt = AuditInputs.Format(format, "format", e);
        if (!e.Any && f >= t) e.Add("to", "The to field must be after from.");
        return e.Any ? Results.ValidationProblem(e.ToDictionary()) : null;
    }

    /// <summary>CSV when asked for by ?format=csv or Accept: text/csv (as an attachment); JSON otherwise.</summary>
    internal static IResult Respond(HttpContext http, string? format, string name, object json, Func<string> csv)
    {
        var wantsCsv = format == "csv" || (format is null && http.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase));
        if (!wantsCsv) return Results.Json(json, Exports.Json);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.csv\"";
        return Results.Text(csv(), "text/csv; charset=utf-8");
    }
}
