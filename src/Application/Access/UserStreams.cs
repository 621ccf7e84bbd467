using SecondChance.Integrity.Events;
using SecondChance.Domain;
using SecondChance.Domain.Access;

namespace SecondChance.Application.Access;

public sealed class UserStreams(MartenEventLog store)
{
    public const string UserType = "user";
    public const string UsernameType = "username";

    public Task<Loaded<UserState>> UserAsync(Guid id, CancellationToken ct, CommandContext? context = null) =>
        StreamLoader.LoadAsync<UserAggregate, UserState>(store, context, StreamIds.User(id), UserType, UserState.Initial, UserState.Evolve, ct);

    public Task<Loaded<UsernameReservation>> UsernameAsync(string username, CancellationToken ct, CommandContext? context = null) =>
        StreamLoader.LoadAsync<UsernameAggregate, UsernameReservation>(store, context, StreamIds.Username(UsernameReservation.Normalize(username)),
            UsernameType, UsernameReservation.Initial, UsernameReservation.Evolve, ct);
}
