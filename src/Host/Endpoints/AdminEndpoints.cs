using SecondChance.Integrity.Events;
using SecondChance.Application;
using SecondChance.Application.Access;
using SecondChance.Domain;
using SecondChance.Domain.Access;
using SecondChance.Host.Http;
using SecondChance.Host.Security;
using SecondChance.Host.Hosting;
using SecondChance.Projections.OnMarten;
using SecondChance.Integrity.Tenancy;

namespace SecondChance.Host.Endpoints;

/// <summary>Users and their grants (recorded as events), the access log, and erasure of a released inmate's personal data.</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/admin/users").WithTags("Users").WithMetadata(new TenantResolution.HomeDatabaseOnly());
        // a province's administrator registers and manages the users of that province only; the national ones, anyone's
        g.MapPost("/", Task<IResult> (HttpContext http) => CommandEndpoint.RunAsync<RegisterUserBody>(http,
                r => new RegisterUserRequest(r.UserId, r.Username!, r.DisplayName!, r.Password!, r.Roles, TenantOfNewUser(http, r.Tenant)),
                "/admin/users/{id}", refuse: r => ForeignTenant(http, r.Tenant)))
            .AsCreate<RegisterUserBody>("RegisterUser").RequireAuthorization(Policies.Administer);
        g.MapGet("/", async (HttpContext http, UserDirectory users, CancellationToken ct) =>
                (await users.ListAsync(ct)).Where(u => Manages(http, u)).Select(View))
            .WithName("ListUsers").RequireAuthorization(Policies.ReadAudit);
        g.MapGet("/{userId:guid}", async (Guid userId, HttpContext http, UserDirectory users, CancellationToken ct) =>
                await users.FindAsync(userId, ct) is { } u && Manages(http, u) ? Results.Ok(View(u)) : Problems.NotFound($"No user has id {userId}."))
            .WithName("GetUser").RequireAuthorization(Policies.ReadAudit).Produces<UserView>().ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/{userId:guid}/history", async (Guid userId, HttpContext http, MartenEventLog store, UserDirectory users, CancellationToken ct) =>
            {
                if (await users.FindAsync(userId, ct) is not { } u || !Manages(http, u)) return Results.Ok(Array.Empty<UserHistoryEntry>());
                using var _ = TenantScope.Enter(TenantScope.Home);
                return Results.Ok((await store.ReadStreamAsync(StreamIds.User(userId), ct: ct)).Select(e => new UserHistoryEntry(
                    e.Version, e.Alias, e.Timestamp, e.Actor, Describe(e.Data))));
            })
            .WithName("UserHistory").RequireAuthorization(Policies.ReadAudit).Produces<IEnumerable<UserHistoryEntry>>();

        Command<RoleBody>(g, "/{userId:guid}/roles", "GrantRole", (id, r) => new GrantRole(id, r.Role!.Value));
        Command<RoleBody>(g, "/{userId:guid}/roles/revocation", "RevokeRole", (id, r) => new RevokeRole(id, r.Role!.Value));
        Command<FacilityBody>(g, "/{userId:guid}/facilities", "GrantFacility",
            (id, r) => new GrantFacility(id, r.FacilityId!.Value));
        Command<FacilityBody>(g, "/{userId:guid}/facilities/revocation", "RevokeFacility",
            (id, r) => new RevokeFacility(id, r.FacilityId!.Value));
        Command<ProgrammeBody>(g, "/{userId:guid}/programmes", "GrantProgramme",
            (id, r) => new GrantProgramme(id, r.ProgrammeId!.Value));
        Command<ProgrammeBody>(g, "/{userId:guid}/programmes/revocation", "RevokeProgramme",
            (id, r) => new RevokeProgramme(id, r.ProgrammeId!.Value));
        Command<JustificationBody>(g, "/{userId:guid}/personal-data-access", "GrantPersonalDataAccess",
            (id, r) => new GrantPersonalDataAccess(id, r.Justification!));
        Command<EmptyBody>(g, "/{userId:guid}/personal-data-access/revocation", "RevokePersonalDataAccess",
            (id, _) => new RevokePersonalDataAccess(id));
        Command<ReasonBody>(g, "/{userId:guid}/deactivation", "DeactivateUser", (id, r) => new DeactivateUser(id, r.Reason!));
        Command<PasswordBody>(g, "/{userId:guid}/password", "SetUserPassword", (id, r) => new ChangePassword(id, r.Password!));
        Command<TenantBody>(g, "/{userId:guid}/tenant", "AssignUserTenant", (id, r) => new AssignUserTenant(id, r.Tenant!), national: true);
        Command<TenantBody>(g, "/{userId:guid}/tenant-reads", "GrantTenantRead", (id, r) => new GrantTenantRead(id, r.Tenant!), national: true);
        Command<TenantBody>(g, "/{userId:guid}/tenant-reads/revocation", "RevokeTenantRead",
            (id, r) => new RevokeTenantRead(id, r.Tenant!), national: true);

        var t = routes.MapGroup("/admin/tenants").WithTags("Provinces").RequireAuthorization(Policies.Administer)
            .AddEndpointFilter(async (ctx, next) => NationalOnly(ctx.HttpContext) ?? await next(ctx))
            .AddEndpointFilter(async (ctx, next) =>
            {
                try { return await next(ctx); }
                catch (TenantProvisioning.ProvinceStateException e)
                {
                    return Problems.Status(StatusCodes.Status409Conflict, "Conflict", e.Message, new Dictionary<string, object?> { ["code"] = e.Code });
                }
            });
        t.MapGet("/", async (TenantRegistry registry, CancellationToken ct) => (await registry.ListAsync(ct)).Select(TenantView))
            .WithName("ListTenants").Produces<IEnumerable<TenantListItem>>();
        t.MapPost("/", async (HttpContext http, TenantProvisioning provisioning) =>
            {
                var body = await JsonBody.ReadAsync<TenantAddBody>(http);
                if (body.Error is { } invalid) return invalid;
                try
                {
                    var added = await provisioning.AddAsync(body.Value!.TenantId!, body.Value.Name!, body.Value.ConnectionString!, http.RequestAborted);
                    return Results.Created($"/admin/tenants/{added.TenantId}", added with { Applied = [] });
                }
                catch (ArgumentException e)
                {
                    return Problems.Refused(TenantRegistry.InvalidCode, e.Message);
                }
            })
            .WithName("AddTenant").Accepts<TenantAddBody>("application/json").Produces<TenantProvisioning.Added>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        t.MapPost("/{tenantId}/disable", async (string tenantId, HttpContext http, TenantProvisioning provisioning, TimeProvider clock) =>
            {
                var body = await JsonBody.ReadAsync<ReasonBody>(http);
                if (body.Error is { } invalid) return invalid;
                return await provisioning.DisableAsync(tenantId, body.Value!.Reason!, clock.GetUtcNow(), http.RequestAborted) is { } disabled
                    ? Results.Ok(TenantView(disabled))
                    : TenantResolution.NoProvince(tenantId);
            })
            .WithName("DisableTenant").Accepts<ReasonBody>("application/json").Produces<TenantListItem>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        t.MapPost("/{tenantId}/enable", async (string tenantId, HttpContext http, TenantProvisioning provisioning) =>
                await provisioning.EnableAsync(tenantId, http.RequestAborted) is { } enabled ? Results.Ok(TenantView(enabled)) : TenantResolution.NoProvince(tenantId))
            .WithName("EnableTenant").Produces<TenantListItem>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        t.MapDelete("/{tenantId}", async (string tenantId, HttpContext http, TenantProvisioning provisioning) =>
                await provisioning.RemoveAsync(tenantId, http.RequestAborted) is null ? TenantResolution.NoProvince(tenantId) : Results.NoContent())
            .WithName("RemoveTenant").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        routes.MapGet("/admin/access-log", async (Guid? subjectId, Guid? userId, long? after, int? limit, AccessLog log, CancellationToken ct) =>
                await log.ReadAsync(subjectId, userId, after ?? 0, limit ?? 500, ct))
            .WithTags("Users").WithName("AccessLog").RequireAuthorization(Policies.ReadAudit);

        routes.MapPost("/admin/inmates/{inmateId:guid}/erasure", async (Guid inmateId, HttpContext http, EraseInmateHandler h,
                MartenReadModels models, ReadModelRebuilds rebuilds) =>
            {
                var body = await JsonBody.ReadAsync<ReasonBody>(http);
                if (body.Error is { } invalid) return invalid;
                var actor = http.RequestServices.GetRequiredService<RequestActor>().Resolve(http);
                var result = await h.HandleAsync(new EraseInmate(inmateId, body.Value!.Reason!), actor, http.RequestAborted);
                switch (result.Status)
                {
                    case ErasureStatus.NotFound: return Problems.NotFound(result.Message!);
                    case ErasureStatus.Refused: return Problems.Refused(result.Code!, result.Message!);
                }
                // every read model built from decrypted events is rebuilt, so none keeps the name. The mark makes the
                // daemon finish the job should this process stop first; the rebuild does not end with the request.
                await models.MarkForRebuildAsync(models.Projections.Select(p => p.Name), CancellationToken.None);
                var stopping = http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
                await (await rebuilds.RebuilderAsync(stopping)).RebuildAllAsync(null, stopping);
                return Results.Ok(new InmateErasure(inmateId, true, result.Status == ErasureStatus.AlreadyErased));
            })
            .WithTags("Users").WithName("EraseInmate").RequireAuthorization(Policies.Administer)
            .Accepts<ReasonBody>("application/json").Produces<InmateErasure>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    /// <param name="national">Only administrators of the home database (national ones) may: it moves users between provinces.</param>
    private static void Command<TBody>(RouteGroupBuilder g, string pattern, string name,
        Func<Guid, TBody, object> command, bool national = false) where TBody : class, IValidatableRequest =>
        g.MapPost(pattern, async (Guid userId, HttpContext http, UserDirectory users) =>
                (national ? NationalOnly(http) : null)
                ?? (await users.FindAsync(userId, http.RequestAborted) is { } u && !Manages(http, u) ? Problems.NotFound($"No user has id {userId}.") : null)
                ?? await CommandEndpoint.RunAsync<TBody>(http, r => command(userId, r)))
            .AsCommand<TBody>(name).RequireAuthorization(Policies.Administer);

    /// <summary>A national reader or administrator sees every user; a province's, the users of that province.</summary>
    private static bool Manages(HttpContext http, UserRecord user) =>
        TenantScope.IsHome(http.User.Tenant()) || user.Tenant == http.User.Tenant();

    private static IResult? NationalOnly(HttpContext http) => TenantScope.IsHome(http.User.Tenant())
        ? null
        : Problems.Status(StatusCodes.Status403Forbidden, "Forbidden", "Only national administrators manage provinces and move users between them.");

    /// <summary>A province's administrator registers users of their own province: naming another is refused before anything is read.</summary>
    private static IResult? ForeignTenant(HttpContext http, string? named) =>
        named is not null && !TenantScope.IsHome(http.User.Tenant()) && named != http.User.Tenant() ? NationalOnly(http) : null;

    private static string? TenantOfNewUser(HttpContext http, string? asked) =>
        TenantScope.IsHome(http.User.Tenant()) ? asked : http.User.Tenant();

    public sealed record TenantListItem(string TenantId, string Name, string Host, string Database, DateTimeOffset AddedAt,
        bool Disabled, DateTimeOffset? DisabledAt, string? DisabledReason);

    private static TenantListItem TenantView(TenantRecord t)
    {
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(t.ConnectionString);
        return new TenantListItem(t.Id, t.Name, cs.Host ?? "", cs.Database ?? "", t.AddedAt, t.Disabled, t.DisabledAt, t.DisabledReason);
    }

    internal sealed record TenantAddBody(string? TenantId, string? Name, string? ConnectionString) : IValidatableRequest
    {
        public void Validate(FieldErrors e)
        {
            if (TenantRegistry.Invalid(TenantId) is { } bad) e.Add("tenantId", bad);
            e.Text(Name, "name", 100);
            e.Text(ConnectionString, "connectionString", 1000);
        }
    }

    internal sealed record TenantBody(string? Tenant) : IValidatableRequest
    {
        public void Validate(FieldErrors e)
        {
            if (TenantRegistry.Invalid(Tenant) is { } bad) e.Add("tenant", bad);
        }
    }

    public sealed record InmateErasure(Guid InmateId, bool Erased, bool AlreadyErased);

    /// <param name="Tenant">The user's province; null: the home database (a national user, or a one-province deployment's).</param>
    public sealed record UserView(Guid UserId, string Username, string DisplayName, bool Active, IReadOnlyList<Role> Roles,
        IReadOnlyList<Guid> Facilities, IReadOnlyList<Guid> Programmes, bool PersonalDataAccess, long Version,
        string? Tenant, IReadOnlyList<string> ReadTenants);

    public sealed record UserHistoryEntry(long Version, string Event, DateTimeOffset RecordedAt, string? Actor, string What);

    private static UserView View(UserRecord u) =>
        new(u.UserId, u.Username, u.DisplayName, u.Active, u.Roles, u.Facilities, u.Programmes, u.PersonalData, u.Version, u.Tenant, u.ReadTenants);

    private static string Describe(object e) => e switch
    {
        UserRegistered r => $"Registered as {r.Username}",
        UserPasswordChanged => "Password changed",
        UserRoleGranted r => $"Granted role {r.Role}",
        UserRoleRevoked r => $"Revoked role {r.Role}",
        UserFacilityGranted f => $"Granted facility {f.FacilityId}",
        UserFacilityRevoked f => $"Revoked facility {f.FacilityId}",
        UserProgrammeGranted p => $"Granted programme {p.ProgrammeId}",
        UserProgrammeRevoked p => $"Revoked programme {p.ProgrammeId}",
        UserPersonalDataAccessGranted p => $"Granted personal-data access: {p.Justification}",
        UserPersonalDataAccessRevoked => "Revoked personal-data access",
        UserDeactivated d => $"Deactivated: {d.Reason}",
        UserAssignedToTenant a => $"Works in province {a.Tenant}",
        UserTenantReadGranted r => $"May read province {r.Tenant}",
        UserTenantReadRevoked r => $"May no longer read province {r.Tenant}",
        _ => e.GetType().Name,
    };

    internal sealed record RegisterUserBody(Guid? UserId, string? Username, string? DisplayName, string? Password, IReadOnlyList<Role>? Roles,
        string? Tenant = null) : IValidatableRequest
    {
        public void Validate(FieldErrors e)
        {
            if (Tenant is not null && TenantRegistry.Invalid(Tenant) is { } bad) e.Add("tenant", bad);
            e.Text(Username, "username", 64);
            e.Text(DisplayName, "displayName");
            e.Text(Password, "password", 256);
            if (Roles is { Count: > 10 }) e.Add("roles", "At most 10 roles.");
        }
    }

    internal sealed record RoleBody(Role? Role) : IValidatableRequest
    {
        public void Validate(FieldErrors e) => e.Required(Role, "role");
    }

    internal sealed record FacilityBody(Guid? FacilityId) : IValidatableRequest
    {
        public void Validate(FieldErrors e) => e.NotEmpty(FacilityId, "facilityId");
    }

    internal sealed record ProgrammeBody(Guid? ProgrammeId) : IValidatableRequest
    {
        public void Validate(FieldErrors e) => e.NotEmpty(ProgrammeId, "programmeId");
    }

    internal sealed record JustificationBody(string? Justification) : IValidatableRequest
    {
        public void Validate(FieldErrors e) => e.Text(Justification, "justification", FieldErrors.TextLength);
    }

    internal sealed record ReasonBody(string? Reason) : IValidatableRequest
    {
        public void Validate(FieldErrors e) => e.Text(Reason, "reason", FieldErrors.TextLength);
    }

    internal sealed record PasswordBody(string? Password) : IValidatableRequest
    {
        public void Validate(FieldErrors e) => e.Text(Password, "password", 256);
    }

    internal sealed record EmptyBody : IValidatableRequest
    {
        public void Validate(FieldErrors e) { }
    }
}
