using SecondChance.Domain.Inmates;
using SecondChance.Domain.Tests.Support;
using static SecondChance.Domain.Tests.Support.F;
using static SecondChance.Domain.Tests.Support.Spec;

namespace SecondChance.Domain.Tests;

public class RestraintSpecs
{
    private static readonly Guid RestraintId = Id(600);

    private static ApplyRestraint Apply(RestraintInstrument instrument = RestraintInstrument.Chains, RestraintReason reason = RestraintReason.Discipline,
        string details = "", string by = "Superintendent", DateTimeOffset? at = null) =>
        new(InmateId, RestraintId, instrument, reason, details, by, at ?? Now.AddHours(-2), false);

    private static RestraintApplied Applied() =>
        new(InmateId, RestraintId, RestraintInstrument.Chains, RestraintReason.Discipline, "", "Superintendent", Now.AddHours(-2), false);

    [Fact]
    public void Chains_used_as_discipline_are_recorded_as_they_happened() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, Apply(), Now)).ThenEmits(Applied());

    [Fact]
    public void A_restraint_needs_who_authorised_it() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, Apply(by: " "), Now)).ThenRefused(RefusalCodes.InvalidName);

    [Fact]
    public void Another_instrument_needs_details() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, Apply(RestraintInstrument.Other), Now)).ThenRefused(RefusalCodes.InvalidReason);

    [Fact]
    public void A_restraint_in_the_future_is_refused() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, Apply(at: TooLate), Now)).ThenRefused(RefusalCodes.DateInFuture);

    [Fact]
    public void The_same_restraint_id_twice_is_refused() =>
        GivenInmate(Admitted(), Applied()).When(s => InmateDecider.Decide(s, Apply(), Now)).ThenRefused(RefusalCodes.RestraintAlreadyRecorded);

    [Fact]
    public void A_restraint_ends_with_who_authorised_the_end() =>
        GivenInmate(Admitted(), Applied()).When(s => InmateDecider.Decide(s, new EndRestraint(InmateId, RestraintId, "Doctor", Now), Now))
            .ThenEmits(new RestraintEnded(InmateId, RestraintId, "Doctor", Now));

    [Fact]
    public void Ending_an_ended_restraint_again_changes_nothing() =>
        GivenInmate(Admitted(), Applied(), new RestraintEnded(InmateId, RestraintId, "Doctor", Now.AddHours(-1)))
            .When(s => InmateDecider.Decide(s, new EndRestraint(InmateId, RestraintId, "Doctor", Now), Now)).ThenNothing();

    [Fact]
    public void An_unknown_restraint_cannot_end() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new EndRestraint(InmateId, RestraintId, "Doctor", Now), Now))
            .ThenRefused(RefusalCodes.RestraintNotFound);

    [Fact]
    public void A_restraint_cannot_end_before_it_started() =>
        GivenInmate(Admitted(), Applied()).When(s => InmateDecider.Decide(s, new EndRestraint(InmateId, RestraintId, "Doctor", Now.AddHours(-3)), Now))
            .ThenRefused(RefusalCodes.EndsBeforeStart);

    [Fact]
    public void Labour_is_recorded_for_a_woman_with_its_start_and_delivery() =>
        GivenInmate(Admitted(WomanId, Sex.Female))
            .When(s => InmateDecider.Decide(s, new RecordLabour(WomanId, Now.AddHours(-6), Now.AddHours(-1), "Lady Health Visitor"), Now))
            .ThenEmits(new LabourRecorded(WomanId, Now.AddHours(-6), Now.AddHours(-1), "Lady Health Visitor"));

    [Fact]
    public void A_delivery_alone_is_labour_starting_and_ending_at_the_delivery() =>
        GivenInmate(Admitted(WomanId, Sex.Female))
            .When(s => InmateDecider.Decide(s, new RecordLabour(WomanId, null, Now.AddHours(-1), "Lady Health Visitor"), Now))
            .ThenEmits(new LabourRecorded(WomanId, Now.AddHours(-1), Now.AddHours(-1), "Lady Health Visitor"));

    [Fact]
    public void Labour_is_not_recorded_for_a_man() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new RecordLabour(InmateId, null, Now.AddHours(-1), "Doctor"), Now))
            .ThenRefused(RefusalCodes.LabourOnlyForWomen);

    [Fact]
    public void Labour_cannot_end_before_it_starts() =>
        GivenInmate(Admitted(WomanId, Sex.Female))
            .When(s => InmateDecider.Decide(s, new RecordLabour(WomanId, Now.AddHours(-1), Now.AddHours(-2), "Doctor"), Now))
            .ThenRefused(RefusalCodes.EndsBeforeStart);
}
