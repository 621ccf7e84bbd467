using SecondChance.Integrity.Events;
using SecondChance.Projections.ReadModels;
using SecondChance.Application;
using SecondChance.Application.Audit;
using SecondChance.Application.Oversight;
using SecondChance.Application.ReadModels;
using SecondChance.Domain;
using SecondChance.Domain.Access;
using SecondChance.Domain.Compliance;
using SecondChance.Domain.Facilities;
using SecondChance.Host.Cli;
using SecondChance.Host.Http;
using SecondChance.Host.Security;

using SecondChance.Host.Notifications;

namespace SecondChance.Host.Endpoints;

/// <summary>Oversight bodies: rights-compliance findings per facility and per inmate, as of any instant; CSV export.</summary>
public static class OversightEndpoints
{
    public static IEndpointRouteBuilder MapOversightEndpoints(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/oversight").WithTags("Oversight").RequireAuthorization(Policies.ReadCompliance);
        g.AddEndpointFilter(new ReadScopeFilter());
        g.MapGet("/rules", () => ComplianceRule.All).WithName("ComplianceRules");
        g.MapGet("/facilities/{facilityId:guid}/report", async (Guid facilityId, string? from, string? to, string? asOf, string? knownAt, string? format,
            HttpContext http, OversightReportQuery q, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            var f = AuditInputs.Date(from, "from", e);
            var t = AuditInputs.Date(to, "to", e);
            var (effective, known) = AuditEndpoints.Axes(asOf, knownAt, e);
            var fmt = AuditInputs.Format(format, "format", e);
            e.Present(from, "from");
            e.Present(to, "to");
            if (f > t) e.Add("to", "The to field cannot be before from.");
            if (e.Any) return Results.ValidationProblem(e.ToDictionary());
            var report = await q.FacilityAsync(facilityId, f!.Value, t!.Value, effective, known, http.User.Has(Role.Oversight), ct);
            if (report is null) return Problems.NotFound($"No facility has id {facilityId}.");
            var axes = new TimeAxes(report.AsOf, report.EffectiveThrough, report.KnownAt);
            report = report with { Findings = await q.NamedAsync(report.Findings, http.User.SeesPersonalData(), ct) };
            return AuditEndpoints.Respond(http, fmt, AuditEndpoints.FileName($"compliance-{facilityId:N}-{f:yyyy-MM-dd}-{t:yyyy-MM-dd}", axes), report,
                () => Exports.Compliance(report));
        }).WithName("OversightFacilityReport").ReadsCurrentReadModel("oversight", fromLogWhen: OnTimeAxes).WithDescription(AuditEndpoints.TimeAxesDescription + Judged).WithQuery(
            new QueryParameter("from", typeof(DateOnly), "First day of the period, such as 2025-03-01.", Required: true),
            new QueryParameter("to", typeof(DateOnly), "Last day of the period, such as 2025-05-31.", Required: true),
            AuditEndpoints.AsOfParameter, AuditEndpoints.KnownAtParameter, AuditEndpoints.Format)
            .ProducesJsonOrCsv<OversightReport>().ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/inmates/{inmateId:guid}/findings", async (Guid inmateId, string? asOf, string? knownAt, HttpContext http, OversightReportQuery q,
            CancellationToken ct) =>
        {
            var e = new FieldErrors();
            var (effective, known) = AuditEndpoints.Axes(asOf, knownAt, e);
            if (e.Any) return Results.ValidationProblem(e.ToDictionary());
            var findings = await q.InmateAsync(inmateId, effective, known, http.User.Has(Role.Oversight), ct);
            return findings is null ? Problems.NotFound($"No inmate has id {inmateId}.")
                : Results.Json(findings with { Findings = await q.NamedAsync(findings.Findings, http.User.SeesPersonalData(), ct) }, Exports.Json);
        }).WithName("OversightInmateFindings").ReadsEventLog().WithDescription(AuditEndpoints.TimeAxesDescription + Judged)
            .WithQuery(AuditEndpoints.AsOfParameter, AuditEndpoints.KnownAtParameter)
            .Produces<InmateFindings>().ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/facilities/{facilityId:guid}/notifications", async (Guid facilityId, int? limit, Streams streams, NotificationQueries q,
            HttpContext http, CancellationToken ct) =>
        {
            if (limit is < 1 or > 1000) return Problems.BadRequest("limit", "The limit is a whole number from 1 to 1000.");
            if (!(await streams.FacilityAsync(facilityId, ct)).Exists) return Problems.NotFound($"No facility has id {facilityId}.");
            // notices of complaint rules go to oversight alone: for anyone else they would tell that a confidential complaint exists
            return Results.Ok(await q.ForFacilityAsync(facilityId, limit ?? 200, http.User.Has(Role.Oversight) ? [] : ComplianceRule.OnComplaints, ct));
        }).WithName("OversightNotifications").Produces<IReadOnlyList<OversightNotificationView>>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Who was notified of which finding and by when each was due, newest breach first: recorded from the durable "
                             + "messages sent when a finding was first noticed (the rules are judged every Oversight:SweepSeconds).");
        return routes;
    }

    /// <summary>A report on either time axis is folded from the event log; the present one comes from the read model.</summary>
    private static bool OnTimeAxes(HttpRequest r) => !string.IsNullOrEmpty(r.Query["asOf"]) || !string.IsNullOrEmpty(r.Query["knownAt"]);

    private const string Judged = " The rules are judged at judgedAt: the end of asOf, but never later than knownAt or now.";
}

/// <summary>
/// Evaluates the domain's rights rules over the facts folded from the events on the axes asked for (see
/// <see cref="TimeAxes"/>), judged at the end of asOf; with neither axis, over the present read model, at the present.
/// </summary>
public sealed class OversightReportQuery(ComplianceTimeTravel travel, FacilityTimeZones zones, MartenEventLog store, TimeProvider clock,
    ReadModelQueries readModels, DirectoryQueries directory)
{
    /// <summary>
    /// Names the inmate of each finding: the prisoner number always, the name only for a reader who may see personal
    /// data (the rule of <see cref="PersonalDataRedaction"/>, applied here because rule summaries must stay readable).
    /// </summary>
    public async Task<IReadOnlyList<ReportedFinding>> NamedAsync(IReadOnlyList<ReportedFinding> findings, bool seesPersonalData, CancellationToken ct)
    {
        if (findings.Count == 0) return findings;
        var names = await directory.InmateNamesAsync(findings.Select(f => f.InmateId), ct);
        return findings.Select(f => names.TryGetValue(f.InmateId, out var n)
            ? f with { PrisonerNumber = n.PrisonerNumber, FullName = seesPersonalData ? n.FullName : PersonalDataRedaction.Redacted }
            : f).ToList();
    }

    /// <param name="seesConfidential">The reader is oversight: findings on complaints addressed to it are included.</param>
    public async Task<OversightReport?> FacilityAsync(Guid facilityId, DateOnly from, DateOnly to, AsOf? asOf, DateTimeOffset? knownAt,
        bool seesConfidential, CancellationToken ct)
    {
        if (asOf is null && knownAt is null) return await PresentAsync(facilityId, from, to, seesConfidential, ct);
        var (facility, version) = await store.AggregateAsync(StreamIds.Facility(facilityId), FacilityState.Initial, FacilityState.Evolve, ct: ct);
        if (version == 0) return null;
        var axes = TimeAxes.For(asOf, knownAt, await zones.OfFacilityAsync(facilityId, knownAt, ct));
        var facts = await travel.FacilityAsync(facilityId, axes, ct);
        var facilities = await travel.FacilitiesAsync(ComplianceTimeTravel.FacilitiesOf(facts).Append(facilityId), knownAt, ct);
        var local = facilities.GetValueOrDefault(facilityId) ?? facility;
        return OversightReports.Build(local, facts, facilities, from, to, axes, axes.JudgedAt(clock.GetUtcNow()), "event_log", seesConfidential);
    }

    /// <summary>The present, from the oversight read model: no event log read at request time.</summary>
    private async Task<OversightReport?> PresentAsync(Guid facilityId, DateOnly from, DateOnly to, bool seesConfidential, CancellationToken ct)
    {
        var facilities = await readModels.Oversight.FacilitiesAsync(ct);
        if (!facilities.TryGetValue(facilityId, out var facility)) return null;
        var facts = await readModels.Oversight.FacilityAsync(facilityId, ct);
        return OversightReports.Build(facility, facts, facilities, from, to, TimeAxes.Present, clock.GetUtcNow(), "read_model", seesConfidential);
    }

    public async Task<InmateFindings?> InmateAsync(Guid inmateId, AsOf? asOf, DateTimeOffset? knownAt, bool seesConfidential, CancellationToken ct)
    {
        var (known, zone) = await zones.OfInmateAsync(inmateId, knownAt, ct);
        if (!known) return null;
        var axes = TimeAxes.For(asOf, knownAt, zone);
        var at = axes.JudgedAt(clock.GetUtcNow());
        var facts = await travel.InmateAsync(inmateId, axes, ct);
        var facilities = await travel.FacilitiesAsync(ComplianceTimeTravel.FacilitiesOf([facts]), knownAt, ct);
        var local = facilities.GetValueOrDefault(facts.FacilityId) ?? FacilityState.Initial;
        return new InmateFindings(inmateId, axes.AsOf, axes.EffectiveThrough, axes.KnownAt, at, "event_log",
            OversightReports.Findings([facts], facilities, at, local, seesConfidential));
    }
}
