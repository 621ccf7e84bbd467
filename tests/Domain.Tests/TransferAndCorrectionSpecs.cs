using FluentAssertions;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Tests.Support;
using static SecondChance.Domain.Tests.Support.F;
using static SecondChance.Domain.Tests.Support.Spec;

namespace SecondChance.Domain.Tests;

public class TransferAndCorrectionSpecs
{
    private static readonly FacilityState Peshawar = GivenFacility(
        new FacilityRegistered(OtherFacilityId, "Central Prison Peshawar", "PSH-CP", "Asia/Karachi", false)).State;

    private static readonly TransferInmate Transfer = new(InmateId, OtherFacilityId, "PSH-77", Now.AddHours(-1));

    private static ThenMulti Transferring(TransferInmate command, FacilityState? destination = null,
        PrisonerNumberReservation? reservation = null, params object[] history) =>
        GivenInmate(history).When(s => InmateDecider.Decide(s, destination ?? Peshawar, reservation ?? PrisonerNumberReservation.Initial, command, Now));

    [Fact]
    public void Transfer_moves_the_inmate_and_reserves_a_number_at_the_destination() =>
        Transferring(Transfer, null, null, Admitted()).ThenEmits(
            new StreamEvents(StreamIds.Inmate(InmateId),
                [new InmateTransferred(InmateId, FacilityId, OtherFacilityId, "PSH-77", Transfer.TransferredAt!.Value)]),
            new StreamEvents(StreamIds.PrisonerNumber(OtherFacilityId, "PSH-77"),
                [new PrisonerNumberReserved(OtherFacilityId, "PSH-77", InmateId)]));

    [Fact]
    public void Transfer_dated_before_admission_is_refused() =>
        Transferring(Transfer with { TransferredAt = AdmittedAt.AddDays(-1) }, null, null, Admitted()).ThenRefused(RefusalCodes.BeforeAdmission);

    [Fact]
    public void Transfer_dated_before_the_current_housing_began_is_refused() =>
        Transferring(Transfer with { TransferredAt = AdmittedAt.AddDays(1) }, null, null, Admitted(),
                new InmateHoused(InmateId, FacilityId, MaleUntriedWard, WardCategory.AdultMale, null, AdmittedAt.AddDays(2)))
            .ThenRefused(RefusalCodes.EndsBeforeStart);

    [Fact]
    public void Transfer_to_the_facility_already_holding_the_inmate_is_refused() =>
        Transferring(Transfer with { ToFacilityId = FacilityId, PrisonerNumber = "X1" }, GivenFacility(Facility()).State, null, Admitted())
            .ThenRefused(RefusalCodes.SameFacility);

    [Fact]
    public void Transfer_while_enrolled_in_a_programme_is_refused() =>
        Transferring(Transfer, null, null, Admitted(), Enrolled()).ThenRefused(RefusalCodes.ActiveEnrolment);

    [Fact]
    public void Transfer_to_a_number_taken_at_the_destination_is_refused() =>
        Transferring(Transfer, null, GivenReservation(new PrisonerNumberReserved(OtherFacilityId, "PSH-77", WomanId)).State, Admitted())
            .ThenRefused(RefusalCodes.PrisonerNumberTaken);

    [Fact]
    public void Transfer_of_a_released_inmate_is_refused() =>
        Transferring(Transfer, null, null, Admitted(), new InmateReleased(InmateId, FacilityId, Now.AddDays(-1), "Bail"))
            .ThenRefused(RefusalCodes.InmateIsReleased);

    [Fact]
    public void Correction_names_the_event_it_corrects_and_never_edits_it() =>
        GivenInmate(Admitted())
            .When(s => InmateDecider.Decide(s, new CorrectInmateRecord(InmateId, 1, Id(9001),
                [new FieldCorrection(CorrectableFields.DateOfBirth, "1991-05-17")], "Birth certificate produced"), Now))
            .ThenEmits(new InmateRecordCorrected(InmateId, 1, Id(9001),
                [new FieldCorrection(CorrectableFields.DateOfBirth, "1991-05-17")], "Birth certificate produced"));

    [Fact]
    public void Correction_of_date_of_birth_is_what_later_decisions_see()
    {
        var state = GivenInmate(Admitted(), new InmateRecordCorrected(InmateId, 1, null,
            [new FieldCorrection(CorrectableFields.DateOfBirth, "2010-01-02")], "Age assessment")).State;
        state.DateOfBirth.Should().Be(JuvenileBirth);
        state.Version.Should().Be(2);
    }

    [Fact]
    public void Correction_must_name_an_event_that_exists() =>
        GivenInmate(Admitted())
            .When(s => InmateDecider.Decide(s, new CorrectInmateRecord(InmateId, 5, null,
                [new FieldCorrection(CorrectableFields.FullName, "Ali Raza Khan")], "Typo"), Now))
            .ThenRefused(RefusalCodes.UnknownCorrectedEvent);

    [Fact]
    public void Correction_must_change_at_least_one_field() =>
        GivenInmate(Admitted())
            .When(s => InmateDecider.Decide(s, new CorrectInmateRecord(InmateId, 1, null, [], "Typo"), Now))
            .ThenRefused(RefusalCodes.InvalidCorrection);

    [Theory]
    [InlineData("Cnic", "123")]
    [InlineData("Sex", "Unknown")]
    [InlineData("DateOfBirth", "17/05/1990")]
    [InlineData("PrisonerNumber", "X1")]
    public void Correction_to_an_invalid_value_or_field_is_refused(string field, string value) =>
        GivenInmate(Admitted())
            .When(s => InmateDecider.Decide(s, new CorrectInmateRecord(InmateId, 1, null, [new FieldCorrection(field, value)], "Typo"), Now))
            .ThenRefused(RefusalCodes.InvalidField);

    [Fact]
    public void Correction_needs_a_reason() =>
        GivenInmate(Admitted())
            .When(s => InmateDecider.Decide(s, new CorrectInmateRecord(InmateId, 1, null,
                [new FieldCorrection(CorrectableFields.FullName, "Ali")], " "), Now))
            .ThenRefused(RefusalCodes.InvalidReason);
}
