using SecondChance.Domain;
using SecondChance.Domain.Access;

namespace SecondChance.Application.Access;

/// <summary>Grant and revoke roles, facilities, programmes and personal-data access; deactivate; change a password.</summary>
public sealed class UserGrantsHandler(UserStreams streams, CommandExecutor executor, IPasswordHashing hashing)
{
    public Task<CommandResult> GrantRoleAsync(Guid userId, Role role, CommandContext c, CancellationToken ct) =>
        Run(userId, c, (s, now) => UserDecider.Decide(s, new GrantRole(userId, role), now), ct);

    public Task<CommandResult> RevokeRoleAsync(Guid userId, Role role, CommandContext c, CancellationToken ct) =>
        Run(userId, c, (s, now) => UserDecider.Decide(s, new RevokeRole(userId, role), now), ct);

    public Task<CommandResult> GrantFacilityAsync(Guid userId, Guid facilityId, CommandContext c, CancellationToken ct) =>
        Run(userId, c, (s, now) => UserDecider.Decide(s, new GrantFacility(userId, facilityId), now), ct);

    public Task<CommandResult> RevokeFacilityAsync(Guid userId, Guid facilityId, CommandContext c, CancellationToken ct) =>
        Run(userId, c, (s, now) => UserDecider.Decide(s, new RevokeFacility(userId, facilityId), now), ct);

    public Task<CommandResult> GrantProgrammeAsync(Guid userId, Guid programmeId, CommandContext c, CancellationToken ct) =>
        Run(userId, c, (s, now) => UserDecider.Decide(s, new GrantProgramme(userId, programmeId), now), ct);

    public Task<CommandResult> RevokeProgrammeAsync(Guid userId, Guid programmeId, CommandContext c, CancellationToken ct) =>
        Run(userId, c, (s, now) => UserDecider.Decide(s, new RevokeProgramme(userId, programmeId), now), ct);

    public Task<CommandResult> GrantPersonalDataAsync(Guid userId, string justification, CommandContext c, CancellationToken ct) =>
        Run(userId, c, (s, now) => UserDecider.Decide(s, new GrantPersonalDataAccess(userId, justification), now), ct);

    public Task<CommandResult> RevokePersonalDataAsync(Guid userId, CommandContext c, CancellationToken ct) =>
        Run(userId, c, (s, now) => UserDecider.Decide(s, new RevokePersonalDataAccess(userId), now), ct);

    public Task<CommandResult> DeactivateAsync(Guid userId, string reason, CommandContext c, CancellationToken ct) =>
        Run(userId, c, (s, now) => UserDecider.Decide(s, new DeactivateUser(userId, reason), now), ct);

    public Task<CommandResult> ChangePasswordAsync(Guid userId, string password, CommandContext c, CancellationToken ct) =>
        password is not { Length: >= RegisterUserHandler.MinPasswordLength and <= 256 }
            ? Task.FromResult(CommandResult.Refused(userId, new Refusal(RefusalCodes.InvalidPassword,
                $"A password of {RegisterUserHandler.MinPasswordLength} to 256 characters is required.")))
            : Run(userId, c, (s, now) => UserDecider.Decide(s, new ChangeUserPassword(userId, hashing.Hash(password)), now), ct);

    private Task<CommandResult> Run(Guid userId, CommandContext c, Func<UserState, DateTimeOffset, Decision> decide, CancellationToken ct) =>
        executor.DecideAsync(streams.UserAsync(userId, ct), userId, c, decide, ct);
}
