using FluentAssertions;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Items;
using SecondChance.Domain.Mentors;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Wages;

namespace SecondChance.Domain.Tests.Support;

/// <summary>Given(events).When(decide).Then(events | refusal), folding events with the stream's own Evolve.</summary>
public static class Spec
{
    public static Given<T> Given<T>(T initial, Func<T, object, T> evolve, params object[] events) =>
        new(events.Aggregate(initial, evolve));

    public static Given<FacilityState> GivenFacility(params object[] events) => Given(FacilityState.Initial, FacilityState.Evolve, events);

    public static Given<InmateState> GivenInmate(params object[] events) => Given(InmateState.Initial, InmateState.Evolve, events);

    public static Given<ProgrammeState> GivenProgramme(params object[] events) => Given(ProgrammeState.Initial, ProgrammeState.Evolve, events);

    public static Given<ItemState> GivenItem(params object[] events) => Given(ItemState.Initial, ItemState.Evolve, events);

    public static Given<WageAccountState> GivenWageAccount(params object[] events) =>
        Given(WageAccountState.Initial, WageAccountState.Evolve, events);

    public static Given<MentorState> GivenMentor(params object[] events) => Given(MentorState.Initial, MentorState.Evolve, events);

    public static Given<PrisonerNumberReservation> GivenReservation(params object[] events) =>
        Given(PrisonerNumberReservation.Initial, PrisonerNumberReservation.Evolve, events);

    internal static void ShouldMatch(IReadOnlyList<object> actual, IReadOnlyList<object> expected)
    {
        actual.Select(e => e.GetType().Name).Should().Equal(expected.Select(e => e.GetType().Name));
        actual.Should().BeEquivalentTo(expected,
            o => o.ComparingRecordsByMembers().RespectingRuntimeTypes().WithStrictOrdering());
    }
}

public sealed class Given<T>(T state)
{
    public T State => state;

    public Then When(Func<T, Decision> decide) => new(decide(state));

    public ThenMulti When(Func<T, MultiStreamDecision> decide) => new(decide(state));
}

public sealed class Then(Decision decision)
{
    public Decision Decision => decision;

    public void ThenEmits(params object[] expected)
    {
        decision.Refusal.Should().BeNull();
        Spec.ShouldMatch(decision.Events, expected);
    }

    public void ThenRefused(string code)
    {
        decision.IsRefused.Should().BeTrue($"a refusal '{code}' was expected but got events {string.Join(", ", decision.Events)}");
        decision.Refusal!.Code.Should().Be(code);
        decision.Refusal.Message.Should().NotBeNullOrWhiteSpace();
        decision.Events.Should().BeEmpty();
    }

    public void ThenNothing()
    {
        decision.Refusal.Should().BeNull();
        decision.Events.Should().BeEmpty();
    }
}

public sealed class ThenMulti(MultiStreamDecision decision)
{
    public MultiStreamDecision Decision => decision;

    public void ThenEmits(params StreamEvents[] expected)
    {
        decision.Refusal.Should().BeNull();
        decision.Streams.Select(s => s.StreamId).Should().Equal(expected.Select(s => s.StreamId));
        foreach (var (actual, wanted) in decision.Streams.Zip(expected))
            Spec.ShouldMatch(actual.Events, wanted.Events);
    }

    public void ThenRefused(string code)
    {
        decision.IsRefused.Should().BeTrue($"a refusal '{code}' was expected");
        decision.Refusal!.Code.Should().Be(code);
        decision.Streams.Should().BeEmpty();
    }

    public void ThenNothing()
    {
        decision.Refusal.Should().BeNull();
        decision.Streams.Should().BeEmpty();
    }
}
