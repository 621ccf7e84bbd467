using SecondChance.Domain;
using SecondChance.Domain.Access;

namespace SecondChance.Application.Access;

/// <summary>A user's new password, in clear: it leaves the handler hashed and is never stored or logged.</summary>
public sealed record ChangePassword(Guid UserId, string Password);

/// <summary>A signed-in user's change of their own password: only with the current one.</summary>
public sealed record ChangeOwnPassword(Guid UserId, string CurrentPassword, string NewPassword);

/// <summary>Grant and revoke roles, facilities, programmes and personal-data access; deactivate; change a password.</summary>
public sealed class UserGrantsHandler(UserStreams streams, UserDirectory users, CommandExecutor executor, IPasswordHashing hashing,
    SecondChance.Integrity.Tenancy.TenantRegistry tenants)
{
    public Task<CommandResult> HandleAsync(GrantRole command, CommandContext c, CancellationToken ct) =>
        Run(command.UserId, c, (s, now) => UserDecider.Decide(s, command, now), ct);

    public Task<CommandResult> HandleAsync(RevokeRole command, CommandContext c, CancellationToken ct) =>
        Run(command.UserId, c, (s, now) => UserDecider.Decide(s, command, now), ct);

    public Task<CommandResult> HandleAsync(GrantFacility command, CommandContext c, CancellationToken ct) =>
        Run(command.UserId, c, (s, now) => UserDecider.Decide(s, command, now), ct);

    public Task<CommandResult> HandleAsync(RevokeFacility command, CommandContext c, CancellationToken ct) =>
        Run(command.UserId, c, (s, now) => UserDecider.Decide(s, command, now), ct);

    public Task<CommandResult> HandleAsync(GrantProgramme command, CommandContext c, CancellationToken ct) =>
        Run(command.UserId, c, (s, now) => UserDecider.Decide(s, command, now), ct);

    public Task<CommandResult> HandleAsync(RevokeProgramme command, CommandContext c, CancellationToken ct) =>
        Run(command.UserId, c, (s, now) => UserDecider.Decide(s, command, now), ct);

    public Task<CommandResult> HandleAsync(GrantPersonalDataAccess command, CommandContext c, CancellationToken ct) =>
        Run(command.UserId, c, (s, now) => UserDecider.Decide(s, command, now), ct);

    public Task<CommandResult> HandleAsync(RevokePersonalDataAccess command, CommandContext c, CancellationToken ct) =>
        Run(command.UserId, c, (s, now) => UserDecider.Decide(s, command, now), ct);

    public Task<CommandResult> HandleAsync(DeactivateUser command, CommandContext c, CancellationToken ct) =>
        Run(command.UserId, c, (s, now) => UserDecider.Decide(s, command, now), ct);

    public async Task<CommandResult> HandleAsync(AssignUserTenant command, CommandContext c, CancellationToken ct) =>
        await UnknownTenantAsync(command.UserId, command.Tenant, ct)
        ?? await Run(command.UserId, c, (s, now) => UserDecider.Decide(s, command, now), ct);

    public async Task<CommandResult> HandleAsync(GrantTenantRead command, CommandContext c, CancellationToken ct) =>
        await UnknownTenantAsync(command.UserId, command.Tenant, ct)
        ?? await Run(command.UserId, c, (s, now) => UserDecider.Decide(s, command, now), ct);

    public Task<CommandResult> HandleAsync(RevokeTenantRead command, CommandContext c, CancellationToken ct) =>
        Run(command.UserId, c, (s, now) => UserDecider.Decide(s, command, now), ct);

    /// <summary>A refusal when <paramref name="tenant"/> names no province in the registry.</summary>
    public async Task<CommandResult?> UnknownTenantAsync(Guid userId, string? tenant, CancellationToken ct) =>
        tenant is not null && SecondChance.Integrity.Tenancy.TenantRegistry.Invalid(tenant) is null && await tenants.FindAsync(tenant, ct) is not null
            ? null
            : CommandResult.Refused(userId, new Refusal(SecondChance.Integrity.Tenancy.TenantRegistry.UnknownCode, $"No province has tenant id '{tenant}'."));

    public Task<CommandResult> HandleAsync(ChangePassword command, CommandContext c, CancellationToken ct) =>
        command.Password is not { Length: >= RegisterUserHandler.MinPasswordLength and <= 256 }
            ? Task.FromResult(CommandResult.Refused(command.UserId, new Refusal(RefusalCodes.InvalidPassword,
                $"A password of {RegisterUserHandler.MinPasswordLength} to 256 characters is required.")))
            : Run(command.UserId, c, (s, now) => UserDecider.Decide(s, new ChangeUserPassword(command.UserId, hashing.Hash(command.Password)), now), ct);

    public async Task<CommandResult> HandleAsync(ChangeOwnPassword command, CommandContext c, CancellationToken ct)
    {
        var user = await users.FindAsync(command.UserId, ct);
        if (user is null || hashing.Verify(user.PasswordHash, command.CurrentPassword) == PasswordCheck.Failed)
            return CommandResult.Refused(command.UserId, new Refusal("wrong_password", "The current password is not right."));
        return await HandleAsync(new ChangePassword(command.UserId, command.NewPassword), c, ct);
    }

    private Task<CommandResult> Run(Guid userId, CommandContext c, Func<UserState, DateTimeOffset, Decision> decide, CancellationToken ct) =>
        executor.DecideAsync(streams.UserAsync(userId, ct, c), userId, c, decide, ct);
}
