using SecondChance.Integrity.Events;
using SecondChance.Application;
using SecondChance.Application.Access;
using SecondChance.Domain;
using SecondChance.Domain.Access;
using SecondChance.Host.Http;
using SecondChance.Host.Security;
using SecondChance.Host.Hosting;
using SecondChance.Projections.OnMarten;

namespace SecondChance.Host.Endpoints;

/// <summary>Users and their grants (recorded as events), the access log, and erasure of a released inmate's personal data.</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/admin/users").WithTags("Users");
        g.MapPost("/", Task<IResult> (HttpContext http) => CommandEndpoint.RunAsync<RegisterUserBody>(http,
                r => new RegisterUserRequest(r.UserId, r.Username!, r.DisplayName!, r.Password!, r.Roles), "/admin/users/{id}"))
            .AsCreate<RegisterUserBody>("RegisterUser").RequireAuthorization(Policies.Administer);
        g.MapGet("/", async (UserDirectory users, CancellationToken ct) => (await users.ListAsync(ct)).Select(View))
            .WithName("ListUsers").RequireAuthorization(Policies.ReadAudit);
        g.MapGet("/{userId:guid}", async (Guid userId, UserDirectory users, CancellationToken ct) =>
                await users.FindAsync(userId, ct) is { } u ? Results.Ok(View(u)) : Problems.NotFound($"No user has id {userId}."))
            .WithName("GetUser").RequireAuthorization(Policies.ReadAudit).Produces<UserView>().ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/{userId:guid}/history", async (Guid userId, MartenEventLog store, CancellationToken ct) =>
                (await store.ReadStreamAsync(StreamIds.User(userId), ct: ct)).Select(e => new UserHistoryEntry(
                    e.Version, e.Alias, e.Timestamp, e.Actor, Describe(e.Data))))
            .WithName("UserHistory").RequireAuthorization(Policies.ReadAudit);

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
                await rebuilds.Rebuilder().RebuildAllAsync(null, http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
                return Results.Ok(new InmateErasure(inmateId, true, result.Status == ErasureStatus.AlreadyErased));
            })
            .WithTags("Users").WithName("EraseInmate").RequireAuthorization(Policies.Administer)
            .Accepts<ReasonBody>("application/json").Produces<InmateErasure>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    private static void Command<TBody>(RouteGroupBuilder g, string pattern, string name,
        Func<Guid, TBody, object> command) where TBody : class, IValidatableRequest =>
        g.MapPost(pattern, (Guid userId, HttpContext http) =>
                CommandEndpoint.RunAsync<TBody>(http, r => command(userId, r)))
            .AsCommand<TBody>(name).RequireAuthorization(Policies.Administer);

    public sealed record InmateErasure(Guid InmateId, bool Erased, bool AlreadyErased);

    public sealed record UserView(Guid UserId, string Username, string DisplayName, bool Active, IReadOnlyList<Role> Roles,
        IReadOnlyList<Guid> Facilities, IReadOnlyList<Guid> Programmes, bool PersonalDataAccess, long Version);

    public sealed record UserHistoryEntry(long Version, string Event, DateTimeOffset RecordedAt, string? Actor, string What);

    private static UserView View(UserRecord u) =>
        new(u.UserId, u.Username, u.DisplayName, u.Active, u.Roles, u.Facilities, u.Programmes, u.PersonalData, u.Version);

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
        _ => e.GetType().Name,
    };

    internal sealed record RegisterUserBody(Guid? UserId, string? Username, string? DisplayName, string? Password, IReadOnlyList<Role>? Roles)
        : IValidatableRequest
    {
        public void Validate(FieldErrors e)
        {
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
