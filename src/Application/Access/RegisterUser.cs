using SecondChance.Domain;
using SecondChance.Domain.Access;

namespace SecondChance.Application.Access;

/// <summary>The password arrives in clear and leaves this handler hashed; the clear text is never stored or logged.</summary>
public sealed record RegisterUserRequest(Guid? UserId, string Username, string DisplayName, string Password, IReadOnlyList<Role>? Roles = null,
    string? Tenant = null);

public sealed class RegisterUserHandler(UserStreams streams, CommandExecutor executor, IPasswordHashing hashing, UserGrantsHandler grants)
{
    public const int MinPasswordLength = 12;

    public async Task<CommandResult> HandleAsync(RegisterUserRequest request, CommandContext context, CancellationToken ct)
    {
        var id = Ids.OrNew(request.UserId ?? Guid.Empty);
        if (request.Password is not { Length: >= MinPasswordLength and <= 256 })
            return CommandResult.Refused(id, new Refusal(RefusalCodes.InvalidPassword, $"A password of {MinPasswordLength} to 256 characters is required."));
        if (request.Tenant is not null && await grants.UnknownTenantAsync(id, request.Tenant, ct) is { } unknown) return unknown;
        var user = await streams.UserAsync(id, ct, context);
        var reservation = await streams.UsernameAsync(UsernameReservation.IsValid(request.Username?.Trim()) ? request.Username! : "-", ct, context);
        var decision = UserDecider.Decide(user.State, reservation.State,
            new RegisterUser(id, request.Username!, request.DisplayName, hashing.Hash(request.Password)), executor.Now);
        var result = await executor.CommitAsync(context, id, user, decision, [reservation], ct);
        if (result.Status != CommandStatus.Accepted) return result;
        if (request.Tenant is not null)
        {
            var assigned = await grants.HandleAsync(new AssignUserTenant(id, request.Tenant), context with { Idempotency = null }, ct);
            if (assigned.Status != CommandStatus.Accepted) return assigned;
            result = assigned;
        }
        foreach (var role in request.Roles ?? [])
        {
            // the Idempotency-Key is recorded once, with the registration
            var granted = await grants.HandleAsync(new GrantRole(id, role), context with { Idempotency = null }, ct);
            if (granted.Status != CommandStatus.Accepted) return granted;
            result = granted;
        }
        return result;
    }
}
