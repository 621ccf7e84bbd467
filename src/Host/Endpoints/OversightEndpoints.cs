using SecondChance.Projections.ReadModels;
using SecondChance.Application.Oversight;
using SecondChance.Domain;
using SecondChance.Domain.Compliance;
using SecondChance.Domain.Facilities;
using SecondChance.Host.Cli;
using SecondChance.Host.Http;
using SecondChance.Host.Security;
using SecondChance.EventStore;

namespace SecondChance.Host.Endpoints;

/// <summary>Oversight bodies: rights-compliance findings per facility and per inmate, as of any instant; CSV export.</summary>
public static class OversightEndpoints
{
    public static IEndpointRouteBuilder MapOversightEndpoints(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/oversight").WithTags("Oversight").RequireAuthorization(Policies.ReadCompliance);
        g.AddEndpointFilter(new ReadScopeFilter());
        g.MapGet("/rules", () => ComplianceRule.All).WithName("ComplianceRules");
        g.MapGet("/facilities/{facilityId:guid}/report", async (Guid facilityId, string? from, string? to, string? asOf, string? format,
            HttpContext http, OversightReportQuery q, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            var f = AuditInputs.Date(from, "from", e);
            var t = AuditInputs.Date(to, "to", e);
            var at = AuditInputs.Instant(asOf, "asOf", e);
            var fmt = AuditInputs.Format(format, "format", e);
            e.Present(from, "from");
            e.Present(to, "to");
            if (f > t) e.Add("to", "The to field cannot be before from.");
            if (e.Any) return Results.ValidationProblem(e.ToDictionary());
            var report = await q.FacilityAsync(facilityId, f!.Value, t!.Value, at, ct);
            if (report is null) return Problems.NotFound($"No facility has id {facilityId}.");
            return AuditEndpoints.Respond(http, fmt, $"compliance-{facilityId:N}-{f:yyyy-MM-dd}-{t:yyyy-MM-dd}", report, () => Exports.Compliance(report));
        }).WithName("OversightFacilityReport").WithQuery(
            new QueryParameter("from", typeof(DateOnly), "First day of the period, such as 2025-03-01.", Required: true),
            new QueryParameter("to", typeof(DateOnly), "Last day of the period, such as 2025-05-31.", Required: true),
            new QueryParameter("asOf", typeof(DateTimeOffset), "Evaluate over the events recorded up to this instant (default: everything, now)."),
            AuditEndpoints.Format);
        g.MapGet("/inmates/{inmateId:guid}/findings", async (Guid inmateId, string? asOf, OversightReportQuery q, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            var at = AuditInputs.Instant(asOf, "asOf", e);
            if (e.Any) return Results.ValidationProblem(e.ToDictionary());
            var findings = await q.InmateAsync(inmateId, at, ct);
            return findings is null ? Problems.NotFound($"No inmate has id {inmateId}.") : Results.Json(findings, Exports.Json);
        }).WithName("OversightInmateFindings")
            .WithQuery(new QueryParameter("asOf", typeof(DateTimeOffset), "Evaluate over the events recorded up to this instant (default: now)."));
        return routes;
    }
}

/// <summary>
/// Evaluates the domain's rights rules over the facts folded from the events recorded up to asOf, at asOf; without
/// asOf, over every event recorded so far, at the present.
/// </summary>
public sealed class OversightReportQuery(ComplianceTimeTravel travel, PgEventStore store, TimeProvider clock, ReadModelQueries readModels)
{
    public async Task<OversightReport?> FacilityAsync(Guid facilityId, DateOnly from, DateOnly to, DateTimeOffset? asOf, CancellationToken ct)
    {
        if (asOf is null) return await PresentAsync(facilityId, from, to, ct);
        var at = asOf.Value;
        var (facility, version) = await store.AggregateAsync(StreamIds.Facility(facilityId), FacilityState.Initial, FacilityState.Evolve, ct: ct);
        if (version == 0) return null;
        var facts = await travel.FacilityAsync(facilityId, asOf, ct);
        var facilities = await travel.FacilitiesAsync(ComplianceTimeTravel.FacilitiesOf(facts).Append(facilityId), asOf, ct);
        var local = facilities.GetValueOrDefault(facilityId) ?? facility;
        return OversightReports.Build(local, facts, facilities, from, to, at, "event_log");
    }

    /// <summary>The present, from the oversight read model: no event log read at request time.</summary>
    private async Task<OversightReport?> PresentAsync(Guid facilityId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var facilities = await readModels.Oversight.FacilitiesAsync(ct);
        if (!facilities.TryGetValue(facilityId, out var facility)) return null;
        var facts = await readModels.Oversight.FacilityAsync(facilityId, ct);
        return OversightReports.Build(facility, facts, facilities, from, to, clock.GetUtcNow(), "read_model");
    }

    public async Task<IReadOnlyList<ReportedFinding>?> InmateAsync(Guid inmateId, DateTimeOffset? asOf, CancellationToken ct)
    {
        var at = asOf ?? clock.GetUtcNow();
        var facts = await travel.InmateAsync(inmateId, asOf, ct);
        if (facts.InmateId == Guid.Empty) return null;
        var facilities = await travel.FacilitiesAsync(ComplianceTimeTravel.FacilitiesOf([facts]), asOf, ct);
        var local = facilities.GetValueOrDefault(facts.FacilityId) ?? FacilityState.Initial;
        return OversightReports.Findings([facts], facilities, at, local);
    }
}
