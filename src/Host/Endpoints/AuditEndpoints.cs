using SecondChance.Application.Audit;
using SecondChance.EventStore.Audit;
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
        wages.MapGet("/wages/inmates/{inmateId:guid}/balances", async (Guid inmateId, string? asOf, long? version, WageBalancesQuery q, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            var at = AuditInputs.Instant(asOf, "asOf", e);
            if (version is < 1) e.Add("version", "The version field must be at least 1.");
            if (asOf is not null && version is not null) e.Add("version", "Give asOf or version, not both.");
            if (e.Any) return Results.ValidationProblem(e.ToDictionary());
            return Results.Ok(await q.AsOfAsync(inmateId, at, version, ct));
        }).WithName("AuditWageBalances").WithQuery(
            new QueryParameter("asOf", typeof(DateTimeOffset), "Balances as of this instant (time travel); give asOf or version, not both."),
            new QueryParameter("version", typeof(long), "Balances as of this version of the wage account."));
        wages.MapGet("/wages/inmates/{inmateId:guid}/statement", async (Guid inmateId, string? format, HttpContext http, ReadModelQueries q, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            var f = AuditInputs.Format(format, "format", e);
            if (e.Any) return Results.ValidationProblem(e.ToDictionary());
            var lines = await q.Wages.StatementAsync(inmateId, ct);
            return Respond(http, f, $"statement-{inmateId:N}", lines, () => Exports.Statement(inmateId, lines));
        }).WithName("AuditWageStatement").WithQuery(Format);
        wages.MapGet("/facilities/{facilityId:guid}/replay", async (Guid facilityId, string? from, string? to, string? format, HttpContext http,
            FacilityReplayQuery q, TimeProvider clock, CancellationToken ct) =>
        {
            if (Period(from, to, format, clock, out var f, out var t, out var fmt) is { } bad) return bad;
            var replay = await q.ReplayAsync(facilityId, f, t, ct);
            return Respond(http, fmt, $"replay-{facilityId:N}", new { replay.FacilityId, replay.From, replay.To, replay.Lines }, () => Exports.Replay(replay));
        }).WithName("AuditFacilityReplay").WithQuery(From, To, Format);
        wages.MapGet("/facilities/{facilityId:guid}/reconciliation", async (Guid facilityId, string? from, string? to, string? format, HttpContext http,
            ReconcileFacility q, ReadModelQueries readModels, TimeProvider clock, CancellationToken ct) =>
        {
            if (Period(from, to, format, clock, out var f, out var t, out var fmt) is { } bad) return bad;
            var r = await q.ReconcileAsync(facilityId, f, t, ReadModelBalance(readModels), ct);
            return Respond(http, fmt, $"reconciliation-{facilityId:N}", r, () => Exports.Reconciliation(r));
        }).WithName("AuditFacilityReconciliation").WithQuery(From, To, Format);

        var chain = routes.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.ReadAudit);
        chain.MapPost("/verify", async (int? partitions, ChainVerifier verifier, CancellationToken ct) =>
        {
            if (partitions is < 0 or > 64) return Problems.BadRequest("partitions", "The partitions field is between 0 and 64.");
            return Results.Ok(await verifier.VerifyAsync(partitions ?? 0, null, ct));
        }).WithName("VerifyHashChains");
        chain.MapPost("/checkpoints", async (AuditCheckpoints checkpoints, TimeProvider clock, CancellationToken ct) =>
            Results.Ok(await checkpoints.TakeAsync(clock, ct))).WithName("TakeAuditCheckpoint");
        chain.MapPost("/checkpoints/prove", async (HttpContext http, AuditCheckpoints checkpoints, CancellationToken ct) =>
        {
            AuditCheckpoint? checkpoint;
            try { checkpoint = await http.Request.ReadFromJsonAsync<AuditCheckpoint>(Exports.Json, ct); }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
            {
                return Problems.BadRequest("checkpoint", "The body is a checkpoint as POST /audit/checkpoints returns it.");
            }
            if (checkpoint is null || string.IsNullOrWhiteSpace(checkpoint.RootHash))
                return Problems.BadRequest("rootHash", "The rootHash field is required.");
            var proof = await checkpoints.ProveAsync(checkpoint, ct);
            return Results.Ok(new { proof.Holds, proof.RecomputedRootHash, proof.Streams, proof.Events, proof.Checkpoint });
        }).WithName("ProveAuditCheckpoint");
        return routes;
    }

    internal static readonly QueryParameter Format = new("format", typeof(string), "json (default) or csv; Accept: text/csv also asks for CSV.");
    private static readonly QueryParameter From = new("from", typeof(DateTimeOffset), "Start of the period, an instant (default: the beginning).");
    private static readonly QueryParameter To = new("to", typeof(DateTimeOffset), "End of the period, an instant (default: no end).");

    internal static Func<Guid, CancellationToken, Task<ReadModelBalance?>> ReadModelBalance(ReadModelQueries q) => async (inmate, ct) =>
        (await q.Wages.StatementAsync(inmate, ct)) is { Count: > 0 } lines
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
