using SecondChance.Integrity.Events;
using SecondChance.Domain;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Items;
using SecondChance.Domain.Mentors;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Wages;

namespace SecondChance.Application;

/// <summary>Loads each kind of stream into its decision state.</summary>
public sealed class Streams(MartenEventLog store)
{
    public Task<Loaded<FacilityState>> FacilityAsync(Guid id, CancellationToken ct) =>
        LoadAsync(StreamIds.Facility(id), AggregateTypes.Facility, FacilityState.Initial, FacilityState.Evolve, ct);

    public Task<Loaded<InmateState>> InmateAsync(Guid id, CancellationToken ct) =>
        LoadAsync(StreamIds.Inmate(id), AggregateTypes.Inmate, InmateState.Initial, InmateState.Evolve, ct);

    public Task<Loaded<PrisonerNumberReservation>> PrisonerNumberAsync(Guid facilityId, string number, CancellationToken ct) =>
        LoadAsync(StreamIds.PrisonerNumber(facilityId, number), AggregateTypes.PrisonerNumber,
            PrisonerNumberReservation.Initial, PrisonerNumberReservation.Evolve, ct);

    public Task<Loaded<ProgrammeState>> ProgrammeAsync(Guid id, CancellationToken ct) =>
        LoadAsync(StreamIds.Programme(id), AggregateTypes.Programme, ProgrammeState.Initial, ProgrammeState.Evolve, ct);

    public Task<Loaded<ItemState>> ItemAsync(Guid id, CancellationToken ct) =>
        LoadAsync(StreamIds.Item(id), AggregateTypes.Item, ItemState.Initial, ItemState.Evolve, ct);

    public Task<Loaded<WageAccountState>> WageAccountAsync(Guid inmateId, CancellationToken ct) =>
        LoadAsync(StreamIds.WageAccount(inmateId), AggregateTypes.WageAccount, WageAccountState.Initial, WageAccountState.Evolve, ct);

    public Task<Loaded<MentorState>> MentorAsync(Guid id, CancellationToken ct) =>
        LoadAsync(StreamIds.Mentor(id), AggregateTypes.Mentor, MentorState.Initial, MentorState.Evolve, ct);

    private async Task<Loaded<TState>> LoadAsync<TState>(
        string streamId, string type, TState initial, Func<TState, object, TState> evolve, CancellationToken ct)
    {
        var (state, version) = await store.AggregateAsync(streamId, initial, evolve, ct: ct);
        return new Loaded<TState>(streamId, type, state, version);
    }
}
