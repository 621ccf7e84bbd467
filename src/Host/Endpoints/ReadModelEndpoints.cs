using JasperFx;
using JasperFx.Events.Daemon;
using SecondChance.Application;
using SecondChance.Application.Inmates;
using SecondChance.Host.Hosting;
using SecondChance.Projections.OnMarten;
using SecondChance.Integrity.Events;
using SecondChance.Projections.ReadModels;
using SecondChance.Projections.ReadModels.Wages;
using SecondChance.Host.Http;
using SecondChance.Host.Security;

namespace SecondChance.Host.Endpoints;

/// <summary>Query endpoints of the read models, and projection status, rebuild and resume for operators.</summary>
public static class ReadModelEndpoints
{
    public static IEndpointRouteBuilder MapReadModelEndpoints(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/read-models").WithTags("Read models");
        g.MapGet("/inmates/{inmateId:guid}/timeline", (Guid inmateId, long? after, int? limit, ReadModelQueries q, CancellationToken ct) =>
            q.Timeline.ForInmateAsync(inmateId, after ?? 0, limit ?? 500, ct)).WithName("InmateTimeline").RequiresLogged(Policies.ReadRecords).ReadsReadModel("timeline");
        // figures and lists over several facilities cover only those the reader may read (ReadScope)
        g.MapGet("/dashboard", async (Guid? facilityId, DateOnly? from, DateOnly? to, DateOnly? today, ReadModelQueries q, ReportingCalendar calendar,
            TimeProvider clock, HttpContext http, ReadScope scope, CancellationToken ct) =>
        {
            var day = today ?? calendar.Date(clock.GetUtcNow());
            return await q.Dashboard.GetAsync(facilityId, from ?? day.AddMonths(-12), to ?? day, day, ct,
                within: await scope.FacilitiesAsync(http.User, ct));
        }).WithName("ReintegrationDashboard").Requires(Policies.ReadReadModels).ReadsReadModel("dashboard").WithQuery(
            new QueryParameter("facilityId", typeof(Guid), "One facility; without it, every facility you may read."),
            new QueryParameter("from", typeof(DateOnly), "Monthly figures from this date's month (default: twelve months before today)."),
            new QueryParameter("to", typeof(DateOnly), "Monthly figures up to this date (default: today)."),
            new QueryParameter("today", typeof(DateOnly), "The day releases are due from (default: today in the reporting time zone)."));
        g.MapGet("/national", async (DateOnly? from, DateOnly? to, ReadModelQueries q, ReportingCalendar calendar, TimeProvider clock,
            HttpContext http, ReadScope scope, SecondChance.Integrity.Tenancy.TenantRegistry registry, CancellationToken ct) =>
        {
            var day = calendar.Date(clock.GetUtcNow());
            return await NationalRollUp.ReadAsync(http, q, scope, registry, from ?? day.AddMonths(-12), to ?? day, day, ct);
        }).WithName("NationalRollUp").Requires(Policies.ReadReadModels).WithQuery(
            new QueryParameter("from", typeof(DateOnly), "Figures from this date's month (default: twelve months before today)."),
            new QueryParameter("to", typeof(DateOnly), "Figures up to this date (default: today)."));
        g.MapGet("/market-access", async (Guid? facilityId, DateOnly? from, DateOnly? to, ReadModelQueries q, ReportingCalendar calendar,
            TimeProvider clock, HttpContext http, ReadScope scope, CancellationToken ct) =>
        {
            var day = calendar.Date(clock.GetUtcNow());
            var within = await scope.FacilitiesAsync(http.User, ct);
            IReadOnlyCollection<Guid>? facilities = facilityId is { } one ? (within is null || within.Contains(one) ? [one] : []) : within;
            return Results.Ok(await q.Market.GetAsync(facilities, from ?? day.AddMonths(-12), to ?? day, ct));
        }).WithName("MarketAccess").Requires(Policies.ReadReadModels).ReadsReadModel("market")
            .Produces<SecondChance.Projections.ReadModels.Market.MarketAccessView>()
            .WithDescription("Sales not returned, by channel (exhibition, online marketplace, partner order, shop), by partner, by month and per facility.")
            .WithQuery(
                new QueryParameter("facilityId", typeof(Guid), "One facility; without it, every facility you may read."),
                new QueryParameter("from", typeof(DateOnly), "From this date's month (default: twelve months before today)."),
                new QueryParameter("to", typeof(DateOnly), "Up to this date (default: today)."));
        g.MapGet("/facilities/{facilityId:guid}/occupancy", async (Guid facilityId, int? months, ReadModelQueries q, Streams streams,
            TimeProvider clock, CancellationToken ct) =>
        {
            if (months is < 1 or > 36) return Problems.BadRequest("months", "Months is a whole number from 1 to 36.");
            var facility = await streams.FacilityAsync(facilityId, ct);
            if (!facility.Exists) return Problems.NotFound($"No facility has id {facilityId}.");
            return Results.Ok(await q.Occupancy.FacilityAsync(facilityId, clock.GetUtcNow(),
                SecondChance.Domain.Compliance.ComplianceRules.TimeZoneOf(facility.State), months ?? 12, ct));
        }).WithName("FacilityOccupancy").Requires(Policies.ReadReadModels).ReadsReadModel("occupancy")
            .Produces<SecondChance.Projections.ReadModels.Occupancy.FacilityOccupancyView>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithQuery(new QueryParameter("months", typeof(int), "How many months of monthly peaks, up to this one (default 12, at most 36)."));
        g.MapGet("/release-reminders", async (Guid? facilityId, ReleaseReminderQueries q, HttpContext http, ReadScope scope, CancellationToken ct) =>
        {
            var within = await scope.FacilitiesAsync(http.User, ct);
            IReadOnlyCollection<Guid>? facilities = facilityId is { } one ? (within is null || within.Contains(one) ? [one] : []) : within;
            return Results.Ok(await q.StandingAsync(facilities, ct));
        }).WithName("ReleaseReminders").Requires(Policies.ReadReadModels).Produces<IReadOnlyList<ReleaseReminder>>()
            .WithDescription("Reminders to the welfare team, 90 and 30 days before an expected release, of what its readiness still lacks "
                             + "(mentor, savings_payout_plan, follow_up_contact); only those that still stand: the inmate held, the plan unchanged.")
            .WithQuery(new QueryParameter("facilityId", typeof(Guid), "One facility; without it, every facility you may read."));
        g.MapGet("/wages/inmates/{inmateId:guid}/statement", async (Guid inmateId, ReadModelQueries q, MartenEventLog log, CancellationToken ct) =>
                await KnownInmate.UnknownAsync(log, inmateId, ct) ?? Results.Ok(await q.Wages.StatementAsync(inmateId, ct: ct)))
            .WithName("WageStatement").RequiresLogged(Policies.ReadFinancial).ReadsReadModel("wages")
            .Produces<IReadOnlyList<StatementLine>>().ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/wages/totals", async (Guid? facilityId, DateOnly? from, DateOnly? to, ReadModelQueries q, ReportingCalendar calendar,
            TimeProvider clock, HttpContext http, ReadScope scope, CancellationToken ct) =>
        {
            var day = calendar.Date(clock.GetUtcNow());
            return await q.Wages.TotalsAsync(facilityId, from ?? day.AddMonths(-12), to ?? day, ct, await scope.FacilitiesAsync(http.User, ct));
        }).WithName("WageTotals").Requires(Policies.ReadFinancial).ReadsReadModel("wages");
        g.MapGet("/wages/sales", async (Guid? facilityId, DateTimeOffset? from, DateTimeOffset? to, ReadModelQueries q, HttpContext http, ReadScope scope,
                CancellationToken ct) =>
            await q.Wages.SalesAsync(facilityId, from ?? DateTimeOffset.UtcNow.AddMonths(-1), to ?? DateTimeOffset.UtcNow.AddDays(1), ct,
                await scope.FacilitiesAsync(http.User, ct)))
            .WithName("SaleDistributions").Requires(Policies.ReadFinancial).ReadsReadModel("wages");
        g.MapGet("/wages/trial-balance", async (Guid? facilityId, ReadModelQueries q, HttpContext http, ReadScope scope, CancellationToken ct) =>
            await q.Wages.TrialBalanceAsync(facilityId, ct, await scope.FacilitiesAsync(http.User, ct))).WithName("TrialBalance").Requires(Policies.ReadFinancial)
            .ReadsReadModel("wages");
        g.MapGet("/compliance/inmates/{inmateId:guid}", (Guid inmateId, ReadModelQueries q, CancellationToken ct) =>
            q.Compliance.ForInmateAsync(inmateId, ct)).WithName("InmateComplianceTimeline").RequiresLogged(Policies.ReadCompliance).ReadsReadModel("compliance");
        g.MapGet("/compliance/facilities/{facilityId:guid}", (Guid facilityId, DateTimeOffset? from, DateTimeOffset? to, string? kind, int? limit,
                ReadModelQueries q, CancellationToken ct) =>
            q.Compliance.ForFacilityAsync(facilityId, from ?? DateTimeOffset.UtcNow.AddDays(-90), to ?? DateTimeOffset.UtcNow.AddDays(1), kind, limit ?? 1000, ct))
            .WithName("FacilityComplianceTimeline").Requires(Policies.ReadCompliance).ReadsReadModel("compliance");
        g.MapGet("/catalogue", (Guid? facilityId, string? craft, int? limit, int? offset, ReadModelQueries q, CancellationToken ct) =>
            q.Catalogue.AvailableAsync(facilityId, craft, limit ?? 100, offset ?? 0, ct)).WithName("MarketplaceCatalogue").AllowAnonymous().ReadsReadModel("catalogue");

        var admin = routes.MapGroup("/admin/projections").WithTags("Projections").RequireAuthorization(Policies.Administer);
        admin.MapGet("/", (MartenReadModels models, CancellationToken ct) => models.Status.ReadAsync(ct)).WithName("ProjectionStatus");
        admin.MapPost("/rebuild", (string? name, MartenReadModels models, ReadModelRebuilds rebuilds, IHostApplicationLifetime life, ILoggerFactory logs) =>
        {
            IReadOnlyList<string> chosen = name is null ? models.Projections.Select(p => p.Name).ToList() : models.Find(name) is { } p ? [p.Name] : [];
            if (chosen.Count == 0) return Results.Problem($"No projection is called '{name}'.", statusCode: StatusCodes.Status404NotFound);
            // a rebuild outlives the request; its progress shows in the status (rebuilding, rebuild_position)
            _ = Task.Run(async () =>
            {
                try { await (await rebuilds.RebuilderAsync(life.ApplicationStopping)).RebuildAsync(chosen, null, life.ApplicationStopping); }
                catch (Exception e) { logs.CreateLogger("SecondChance.Projections").LogError(e, "Rebuild of {Projections} failed", name ?? "all"); }
            });
            return Results.Accepted("/admin/projections", new ProjectionRebuildStarted(chosen));
        }).WithName("RebuildProjections").Produces<ProjectionRebuildStarted>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/{name}/resume", async (string name, MartenReadModels models, Marten.Events.Daemon.Coordination.IProjectionCoordinator coordinator, CancellationToken ct) =>
        {
            if (models.Find(name) is null) return Results.Problem($"Projection '{name}' is not paused.", statusCode: StatusCodes.Status409Conflict);
            var daemon = await Health.ProjectionDaemons.ForCurrentTenantAsync(coordinator);
            var shard = $"{name}:All";
            var cleared = await models.ClearFailureAsync(name, ct);
            // only where this node runs read models (daemon.IsRunning); Wolverine restarts an agent that stopped on another node
            var stopped = daemon is { IsRunning: true } && daemon.StatusFor(shard) != AgentStatus.Running;
            if (!cleared && !stopped) return Results.Problem($"Projection '{name}' is not paused.", statusCode: StatusCodes.Status409Conflict);
            if (stopped) await models.ResumeAsync(daemon!, name, ct);
            return Results.NoContent();
        }).WithName("ResumeProjection").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public sealed record ProjectionRebuildStarted(IReadOnlyList<string> Rebuilding);
}
