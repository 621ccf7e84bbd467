using SecondChance.Integrity.Events;
using SecondChance.Domain;
using SecondChance.Domain.Access;

namespace SecondChance.Application.Access;

public sealed class UserStreams(MartenEventLog store)
{
    public const string UserType = "user";
    public const string UsernameType = "username";

    public async Task<Loaded<UserState>> UserAsync(Guid id, CancellationToken ct)
    {
        var streamId = StreamIds.User(id);
        var (state, version) = await store.AggregateAsync(streamId, UserState.Initial, UserState.Evolve, ct: ct);
        return new Loaded<UserState>(streamId, UserType, state, version);
    }

    public async Task<Loaded<UsernameReservation>> UsernameAsync(string username, CancellationToken ct)
    {
        var streamId = StreamIds.Username(UsernameReservation.Normalize(username));
        var (state, version) = await store.AggregateAsync(streamId, UsernameReservation.Initial, UsernameReservation.Evolve, ct: ct);
        return new Loaded<UsernameReservation>(streamId, UsernameType, state, version);
    }
}
