using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Tests.Support;
using static SecondChance.Domain.Tests.Support.F;
using static SecondChance.Domain.Tests.Support.Spec;

namespace SecondChance.Domain.Tests;

public class CustodySpecs
{
    private static readonly FacilityState Karachi = GivenFacility(Facility()).State;

    private static Then Housing(Guid ward, string? overrideReason, params object[] history) =>
        GivenInmate(history).When(s => InmateDecider.Decide(s, Karachi, new HouseInmate(history.OfType<InmateAdmitted>().First().InmateId, ward, overrideReason), Now));

    [Fact]
    public void Adult_man_on_remand_is_housed_in_an_untried_male_ward() =>
        Housing(MaleUntriedWard, null, Admitted())
            .ThenEmits(new InmateHoused(InmateId, FacilityId, MaleUntriedWard, WardCategory.AdultMale, null, Now));

    [Fact]
    public void Housing_in_the_current_ward_again_changes_nothing() =>
        Housing(MaleUntriedWard, null, Admitted(), new InmateHoused(InmateId, FacilityId, MaleUntriedWard, WardCategory.AdultMale, null))
            .ThenNothing();

    [Fact]
    public void Juvenile_cannot_be_housed_in_adult_ward_without_override() =>
        Housing(MaleUntriedWard, null, Admitted(JuvenileId, born: JuvenileBirth)).ThenRefused(RefusalCodes.JuvenileInAdultWard);

    [Fact]
    public void Juvenile_housed_in_adult_ward_with_override_records_the_reason() =>
        Housing(MaleUntriedWard, "Juvenile ward quarantined (measles)", Admitted(JuvenileId, born: JuvenileBirth))
            .ThenEmits(new InmateHoused(JuvenileId, FacilityId, MaleUntriedWard, WardCategory.AdultMale, "Juvenile ward quarantined (measles)", Now));

    [Fact]
    public void Juvenile_is_housed_in_a_juvenile_ward_without_override() =>
        Housing(JuvenileMaleWard, "ignored", Admitted(JuvenileId, born: JuvenileBirth))
            .ThenEmits(new InmateHoused(JuvenileId, FacilityId, JuvenileMaleWard, WardCategory.JuvenileMale, null, Now));

    [Fact]
    public void Age_is_judged_on_the_day_of_housing_not_at_admission() =>
        Housing(MaleUntriedWard, null, Admitted(JuvenileId, born: DateOnly.FromDateTime(Now.DateTime).AddYears(-18)))
            .ThenEmits(new InmateHoused(JuvenileId, FacilityId, MaleUntriedWard, WardCategory.AdultMale, null, Now));

    [Fact]
    public void Back_dated_housing_judges_age_on_the_day_the_inmate_moved_in() =>
        GivenInmate(Admitted(JuvenileId, born: DateOnly.FromDateTime(Now.DateTime).AddYears(-18)))
            .When(s => InmateDecider.Decide(s, Karachi, new HouseInmate(JuvenileId, MaleUntriedWard, HousedAt: AdmittedAt.AddHours(2)), Now))
            .ThenRefused(RefusalCodes.JuvenileInAdultWard);

    [Fact]
    public void Housing_is_recorded_at_when_the_inmate_moved_in() =>
        GivenInmate(Admitted())
            .When(s => InmateDecider.Decide(s, Karachi, new HouseInmate(InmateId, MaleUntriedWard, HousedAt: AdmittedAt.AddHours(2)), Now))
            .ThenEmits(new InmateHoused(InmateId, FacilityId, MaleUntriedWard, WardCategory.AdultMale, null, AdmittedAt.AddHours(2)));

    [Fact]
    public void Housing_before_admission_is_refused() =>
        GivenInmate(Admitted())
            .When(s => InmateDecider.Decide(s, Karachi, new HouseInmate(InmateId, MaleUntriedWard, HousedAt: AdmittedAt.AddMinutes(-1)), Now))
            .ThenRefused(RefusalCodes.BeforeAdmission);

    [Fact]
    public void Housing_in_the_future_is_refused() =>
        GivenInmate(Admitted())
            .When(s => InmateDecider.Decide(s, Karachi, new HouseInmate(InmateId, MaleUntriedWard, HousedAt: TooLate), Now))
            .ThenRefused(RefusalCodes.DateInFuture);

    [Fact]
    public void Housing_dated_before_the_current_housing_began_is_refused_so_no_spell_ends_before_it_starts() =>
        GivenInmate(Admitted(), new InmateHoused(InmateId, FacilityId, MaleUntriedWard, WardCategory.AdultMale, null, AdmittedAt.AddDays(5)))
            .When(s => InmateDecider.Decide(s, Karachi, new HouseInmate(InmateId, MaleConvictedWard, HousedAt: AdmittedAt.AddDays(4)), Now))
            .ThenRefused(RefusalCodes.EndsBeforeStart);

    [Fact]
    public void Release_dated_before_the_current_housing_began_is_refused() =>
        GivenInmate(Admitted(), new InmateHoused(InmateId, FacilityId, MaleUntriedWard, WardCategory.AdultMale, null, AdmittedAt.AddDays(5)))
            .When(s => InmateDecider.Decide(s, new ReleaseInmate(InmateId, AdmittedAt.AddDays(4), "Bail"), Now))
            .ThenRefused(RefusalCodes.EndsBeforeStart);

    [Fact]
    public void Housing_recorded_before_housing_times_existed_does_not_block_a_later_move() =>
        GivenInmate(Admitted(), new InmateHoused(InmateId, FacilityId, MaleUntriedWard, WardCategory.AdultMale, null))
            .When(s => InmateDecider.Decide(s, new ReleaseInmate(InmateId, AdmittedAt.AddDays(1), "Bail"), Now))
            .ThenEmits(new InmateReleased(InmateId, FacilityId, AdmittedAt.AddDays(1), "Bail"));

    [Fact]
    public void Adult_cannot_be_housed_in_a_juvenile_ward() =>
        Housing(JuvenileMaleWard, null, Admitted()).ThenRefused(RefusalCodes.AdultInJuvenileWard);

    [Fact]
    public void Woman_cannot_be_housed_in_a_male_ward() =>
        Housing(MaleUntriedWard, null, Admitted(WomanId, Sex.Female)).ThenRefused(RefusalCodes.WardSexMismatch);

    [Fact]
    public void Man_cannot_be_housed_in_a_female_ward() =>
        Housing(FemaleUntriedWard, null, Admitted()).ThenRefused(RefusalCodes.WardSexMismatch);

    [Fact]
    public void Convicted_prisoner_cannot_be_housed_with_the_untried_where_they_are_separated() =>
        Housing(MaleUntriedWard, null, Admitted(status: LegalStatus.Convicted)).ThenRefused(RefusalCodes.WardLegalStatusMismatch);

    [Fact]
    public void Unknown_ward_is_refused() => Housing(Id(999), null, Admitted()).ThenRefused(RefusalCodes.WardNotFound);

    [Fact]
    public void Ward_at_another_facility_is_refused() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s,
                GivenFacility(new FacilityRegistered(OtherFacilityId, "Peshawar", "PSH", "Asia/Karachi", false)).State,
                new HouseInmate(InmateId, MaleUntriedWard), Now))
            .ThenRefused(RefusalCodes.WrongFacility);

    [Fact]
    public void Released_inmate_cannot_be_housed() =>
        Housing(MaleUntriedWard, null, Admitted(), new InmateReleased(InmateId, FacilityId, Now.AddDays(-1), "Acquitted"))
            .ThenRefused(RefusalCodes.InmateIsReleased);

    [Fact]
    public void Entry_health_screening_of_a_woman_records_pregnancy_and_children()
    {
        var female = new FemaleEntryScreening(Pregnant: true, Breastfeeding: false, ChildrenAccompanying: 1);
        GivenInmate(Admitted(WomanId, Sex.Female))
            .When(s => InmateDecider.Decide(s, new RecordMedicalScreening(WomanId, Now, "Dr. Nadia", "Fit", female), Now))
            .ThenEmits(new MedicalScreeningRecorded(WomanId, Now, "Dr. Nadia", "Fit", female));
    }

    [Fact]
    public void Pregnancy_screening_is_not_recorded_for_a_man() =>
        GivenInmate(Admitted())
            .When(s => InmateDecider.Decide(s, new RecordMedicalScreening(InmateId, Now, "Dr. Nadia", "Fit", new FemaleEntryScreening(false, false, 0)), Now))
            .ThenRefused(RefusalCodes.FemaleScreeningOnlyForWomen);

    [Fact]
    public void Screening_needs_who_screened() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new RecordMedicalScreening(InmateId, Now, "", "Fit"), Now))
            .ThenRefused(RefusalCodes.InvalidName);

    [Fact]
    public void Screening_cannot_be_in_the_future() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new RecordMedicalScreening(InmateId, TooLate, "Dr. Nadia", "Fit"), Now))
            .ThenRefused(RefusalCodes.DateInFuture);

    [Fact]
    public void Segregation_starts_with_reason_and_authority() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new StartSegregation(InmateId, "Assault on staff", "Superintendent", Now), Now))
            .ThenEmits(new SegregationStarted(InmateId, "Assault on staff", "Superintendent", Now));

    [Fact]
    public void Segregation_cannot_start_while_segregated() =>
        GivenInmate(Admitted(), new SegregationStarted(InmateId, "r", "s", Now.AddDays(-1)))
            .When(s => InmateDecider.Decide(s, new StartSegregation(InmateId, "Again", "Superintendent", Now), Now))
            .ThenRefused(RefusalCodes.AlreadySegregated);

    [Fact]
    public void Segregation_needs_a_reason() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new StartSegregation(InmateId, " ", "Superintendent", Now), Now))
            .ThenRefused(RefusalCodes.InvalidReason);

    [Fact]
    public void Segregation_ends_when_segregated() =>
        GivenInmate(Admitted(), new SegregationStarted(InmateId, "r", "s", Now.AddDays(-1)))
            .When(s => InmateDecider.Decide(s, new EndSegregation(InmateId, "Review", "Superintendent", Now), Now))
            .ThenEmits(new SegregationEnded(InmateId, "Review", "Superintendent", Now));

    [Fact]
    public void Segregation_cannot_end_unless_segregated() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new EndSegregation(InmateId, "Review", "Superintendent", Now), Now))
            .ThenRefused(RefusalCodes.NotSegregated);

    [Fact]
    public void Segregation_cannot_end_before_it_started() =>
        GivenInmate(Admitted(), new SegregationStarted(InmateId, "r", "s", Now.AddDays(-1)))
            .When(s => InmateDecider.Decide(s, new EndSegregation(InmateId, "Review", "Superintendent", Now.AddDays(-2)), Now))
            .ThenRefused(RefusalCodes.EndsBeforeStart);

    [Fact]
    public void Segregation_cannot_start_before_admission() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new StartSegregation(InmateId, "Fight", "Superintendent", AdmittedAt.AddDays(-1)), Now))
            .ThenRefused(RefusalCodes.BeforeAdmission);

    [Fact]
    public void Screening_without_a_time_is_recorded_now() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new RecordMedicalScreening(InmateId, null, "Dr. Nadia", "Fit"), Now))
            .ThenEmits(new MedicalScreeningRecorded(InmateId, Now, "Dr. Nadia", "Fit", null));
}
