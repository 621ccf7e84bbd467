using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using SecondChance.Domain;
using SecondChance.Domain.Access;
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
/// A stream as Marten aggregates it for a command: the domain's state folded by the domain's own <c>Evolve</c>, and the
/// version it reflects. Marten builds these live (nothing stored) when a handler fetches a stream for writing.
/// </summary>
public abstract class StreamAggregate<TState>
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public TState State { get; set; } = default!;
}

public sealed class FacilityAggregate : StreamAggregate<FacilityState>;
public sealed class InmateAggregate : StreamAggregate<InmateState>;
public sealed class PrisonerNumberAggregate : StreamAggregate<PrisonerNumberReservation>;
public sealed class ProgrammeAggregate : StreamAggregate<ProgrammeState>;
public sealed class ItemAggregate : StreamAggregate<ItemState>;
public sealed class WageAccountAggregate : StreamAggregate<WageAccountState>;
public sealed class MentorAggregate : StreamAggregate<MentorState>;
public sealed class ComplaintsAggregate : StreamAggregate<ComplaintsState>;
public sealed class PartnerAggregate : StreamAggregate<PartnerState>;
public sealed class OrderAggregate : StreamAggregate<OrderState>;
public sealed class VentureAggregate : StreamAggregate<VentureState>;
public sealed class VentureFundAggregate : StreamAggregate<VentureFundState>;
public sealed class UserAggregate : StreamAggregate<UserState>;
public sealed class UsernameAggregate : StreamAggregate<UsernameReservation>;

/// <summary>Folds a stream with the domain's <c>Evolve</c>; registered live, one per kind of stream.</summary>
public sealed class StreamAggregation<TAggregate, TState>(TState initial, Func<TState, object, TState> evolve)
    : SingleStreamProjection<TAggregate, string> where TAggregate : StreamAggregate<TState>, new()
{
    public override TAggregate Evolve(TAggregate? snapshot, string id, IEvent e)
    {
        var aggregate = snapshot ?? new TAggregate { Id = id, State = initial };
        aggregate.State = evolve(aggregate.State, e.Data);
        aggregate.Version = e.Version;
        return aggregate;
    }
}

public static class StreamAggregates
{
    /// <summary>Registers every kind of stream's live aggregation with Marten's store.</summary>
    public static StoreOptions AddStreamAggregates(this StoreOptions options)
    {
        Live<FacilityAggregate, FacilityState>(options, FacilityState.Initial, FacilityState.Evolve);
        Live<InmateAggregate, InmateState>(options, InmateState.Initial, InmateState.Evolve);
        Live<PrisonerNumberAggregate, PrisonerNumberReservation>(options, PrisonerNumberReservation.Initial, PrisonerNumberReservation.Evolve);
        Live<ProgrammeAggregate, ProgrammeState>(options, ProgrammeState.Initial, ProgrammeState.Evolve);
        Live<ItemAggregate, ItemState>(options, ItemState.Initial, ItemState.Evolve);
        Live<WageAccountAggregate, WageAccountState>(options, WageAccountState.Initial, WageAccountState.Evolve);
        Live<MentorAggregate, MentorState>(options, MentorState.Initial, MentorState.Evolve);
        Live<ComplaintsAggregate, ComplaintsState>(options, ComplaintsState.Initial, ComplaintsState.Evolve);
        Live<PartnerAggregate, PartnerState>(options, PartnerState.Initial, PartnerState.Evolve);
        Live<OrderAggregate, OrderState>(options, OrderState.Initial, OrderState.Evolve);
        Live<VentureAggregate, VentureState>(options, VentureState.Initial, VentureState.Evolve);
        Live<VentureFundAggregate, VentureFundState>(options, VentureFundState.Initial, VentureFundState.Evolve);
        Live<UserAggregate, UserState>(options, UserState.Initial, UserState.Evolve);
        Live<UsernameAggregate, UsernameReservation>(options, UsernameReservation.Initial, UsernameReservation.Evolve);
        return options;
    }

    private static void Live<TAggregate, TState>(StoreOptions options, TState initial, Func<TState, object, TState> evolve)
        where TAggregate : StreamAggregate<TState>, new() =>
        options.Projections.Add(new StreamAggregation<TAggregate, TState>(initial, evolve), ProjectionLifecycle.Live);
}
