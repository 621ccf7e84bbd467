using SecondChance.Integrity.Events;
using SecondChance.Domain;
using SecondChance.Domain.Complaints;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Items;
using SecondChance.Domain.Mentors;
using SecondChance.Domain.Orders;
using SecondChance.Domain.Partners;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Ventures;
using SecondChance.Domain.Wages;

namespace SecondChance.Application;

/// <summary>
/// Loads each kind of stream into its decision state. Given a command's context, through Marten's aggregate workflow
/// on the command's session (<c>FetchForWriting</c>: Marten folds the stream with the domain's <c>Evolve</c> and
/// remembers the version, which the append is then checked against); without one (a read), from the stream's events.
/// </summary>
public sealed class Streams(MartenEventLog store)
{
    public Task<Loaded<FacilityState>> FacilityAsync(Guid id, CancellationToken ct, CommandContext? context = null) =>
        LoadAsync<FacilityAggregate, FacilityState>(context, StreamIds.Facility(id), AggregateTypes.Facility, FacilityState.Initial, FacilityState.Evolve, ct);

    public Task<Loaded<InmateState>> InmateAsync(Guid id, CancellationToken ct, CommandContext? context = null) =>
        LoadAsync<InmateAggregate, InmateState>(context, StreamIds.Inmate(id), AggregateTypes.Inmate, InmateState.Initial, InmateState.Evolve, ct);

    public Task<Loaded<PrisonerNumberReservation>> PrisonerNumberAsync(Guid facilityId, string number, CancellationToken ct, CommandContext? context = null) =>
        LoadAsync<PrisonerNumberAggregate, PrisonerNumberReservation>(context, StreamIds.PrisonerNumber(facilityId, number), AggregateTypes.PrisonerNumber,
            PrisonerNumberReservation.Initial, PrisonerNumberReservation.Evolve, ct);

    public Task<Loaded<ProgrammeState>> ProgrammeAsync(Guid id, CancellationToken ct, CommandContext? context = null) =>
        LoadAsync<ProgrammeAggregate, ProgrammeState>(context, StreamIds.Programme(id), AggregateTypes.Programme, ProgrammeState.Initial, ProgrammeState.Evolve, ct);

    public Task<Loaded<ItemState>> ItemAsync(Guid id, CancellationToken ct, CommandContext? context = null) =>
        LoadAsync<ItemAggregate, ItemState>(context, StreamIds.Item(id), AggregateTypes.Item, ItemState.Initial, ItemState.Evolve, ct);

    /// <param name="exclusive">Lock the account until the command commits (see <see cref="StreamLoader"/>).</param>
    public Task<Loaded<WageAccountState>> WageAccountAsync(Guid inmateId, CancellationToken ct, CommandContext? context = null, bool exclusive = false) =>
        StreamLoader.LoadAsync<WageAccountAggregate, WageAccountState>(store, context, StreamIds.WageAccount(inmateId), AggregateTypes.WageAccount,
            WageAccountState.Initial, WageAccountState.Evolve, ct, exclusive);

    public Task<Loaded<MentorState>> MentorAsync(Guid id, CancellationToken ct, CommandContext? context = null) =>
        LoadAsync<MentorAggregate, MentorState>(context, StreamIds.Mentor(id), AggregateTypes.Mentor, MentorState.Initial, MentorState.Evolve, ct);

    public Task<Loaded<PartnerState>> PartnerAsync(Guid id, CancellationToken ct, CommandContext? context = null) =>
        LoadAsync<PartnerAggregate, PartnerState>(context, StreamIds.Partner(id), AggregateTypes.Partner, PartnerState.Initial, PartnerState.Evolve, ct);

    public Task<Loaded<OrderState>> OrderAsync(Guid id, CancellationToken ct, CommandContext? context = null) =>
        LoadAsync<OrderAggregate, OrderState>(context, StreamIds.Order(id), AggregateTypes.Order, OrderState.Initial, OrderState.Evolve, ct);

    /// <summary>The complaints about one inmate lodged through staff or, confidential, with oversight (none yet: no stream).</summary>
    public Task<Loaded<ComplaintsState>> ComplaintsAsync(Guid inmateId, bool confidential, CancellationToken ct, CommandContext? context = null) =>
        LoadAsync<ComplaintsAggregate, ComplaintsState>(context, StreamIds.Complaints(inmateId, confidential), AggregateTypes.Complaints,
            ComplaintsState.Initial, ComplaintsState.Evolve, ct);

    public Task<Loaded<VentureState>> VentureAsync(Guid id, CancellationToken ct, CommandContext? context = null) =>
        LoadAsync<VentureAggregate, VentureState>(context, StreamIds.Venture(id), AggregateTypes.Venture, VentureState.Initial, VentureState.Evolve, ct);

    /// <summary>A facility's venture fund; every grant and repayment at the facility passes through it, so writers may take it exclusively.</summary>
    public Task<Loaded<VentureFundState>> VentureFundAsync(Guid facilityId, CancellationToken ct, CommandContext? context = null, bool exclusive = false) =>
        StreamLoader.LoadAsync<VentureFundAggregate, VentureFundState>(store, context, StreamIds.VentureFund(facilityId), AggregateTypes.VentureFund,
            VentureFundState.Initial, VentureFundState.Evolve, ct, exclusive);

    private Task<Loaded<TState>> LoadAsync<TAggregate, TState>(CommandContext? context,
        string streamId, string type, TState initial, Func<TState, object, TState> evolve, CancellationToken ct)
        where TAggregate : StreamAggregate<TState> =>
        StreamLoader.LoadAsync<TAggregate, TState>(store, context, streamId, type, initial, evolve, ct);
}
