using FluentAssertions;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Tests.Support;
using static SecondChance.Domain.Tests.Support.F;
using static SecondChance.Domain.Tests.Support.Spec;

namespace SecondChance.Domain.Tests;

public class ProgrammeSpecs
{
    private static readonly FacilityState Karachi = GivenFacility(Facility()).State;
    private static readonly DateTimeOffset At = Now.AddHours(-1);

    private static OpenProgramme Open(int capacity = 2) =>
        new(ProgrammeId, FacilityId, "Truck art painting", Craft.Painting, ["Truck art", "Calligraphy", " truck ART "], capacity,
            Id(250), "Ustad Haider", new DateOnly(2026, 1, 10));

    private static ThenMulti Enrolling(InmateState inmate, params object[] programme) =>
        GivenProgramme(programme).When(p => EnrolmentDecider.Decide(inmate, p, new EnrolInmate(inmate.InmateId, ProgrammeId, At), Now));

    private static InmateState Inmate(params object[] events) => GivenInmate([Admitted(), .. events]).State;

    [Fact]
    public void Programme_opens_with_its_craft_skills_and_capacity() =>
        GivenProgramme().When(p => ProgrammeDecider.Decide(p, Karachi, Open(), Now)).ThenEmits(ProgrammeOpened());

    [Fact]
    public void Programme_needs_a_positive_capacity() =>
        GivenProgramme().When(p => ProgrammeDecider.Decide(p, Karachi, Open(0), Now)).ThenRefused(RefusalCodes.InvalidCapacity);

    [Fact]
    public void Programme_at_an_unregistered_facility_is_refused() =>
        GivenProgramme().When(p => ProgrammeDecider.Decide(p, FacilityState.Initial, Open(), Now)).ThenRefused(RefusalCodes.FacilityNotFound);

    [Fact]
    public void Programme_cannot_be_opened_twice_under_another_id() =>
        GivenProgramme(ProgrammeOpened() with { ProgrammeId = Id(201) }).When(p => ProgrammeDecider.Decide(p, Karachi, Open(), Now))
            .ThenRefused(RefusalCodes.ProgrammeAlreadyOpened);

    [Fact]
    public void Programme_is_closed_once() =>
        GivenProgramme(ProgrammeOpened()).When(p => ProgrammeDecider.Decide(p, new CloseProgramme(ProgrammeId, "Instructor left", At), Now))
            .ThenEmits(new ProgrammeClosed(ProgrammeId, "Instructor left", At));

    [Fact]
    public void Closing_an_unknown_programme_is_refused() =>
        GivenProgramme().When(p => ProgrammeDecider.Decide(p, new CloseProgramme(ProgrammeId, "r", At), Now))
            .ThenRefused(RefusalCodes.ProgrammeNotFound);

    [Fact]
    public void Enrolment_takes_a_seat_on_the_programme_and_enrols_the_inmate() =>
        Enrolling(Inmate(), ProgrammeOpened()).ThenEmits(
            new StreamEvents(StreamIds.Inmate(InmateId), [new InmateEnrolled(InmateId, ProgrammeId, At)]),
            new StreamEvents(StreamIds.Programme(ProgrammeId), [new ProgrammeSeatTaken(ProgrammeId, InmateId, 1)]));

    [Fact]
    public void No_enrolment_over_capacity() =>
        Enrolling(Inmate(), ProgrammeOpened(capacity: 2), SeatTaken(Id(150), 1), SeatTaken(Id(151), 2))
            .ThenRefused(RefusalCodes.ProgrammeFull);

    [Fact]
    public void Withdrawal_frees_a_seat_for_the_next_inmate() =>
        Enrolling(Inmate(), ProgrammeOpened(capacity: 1), SeatTaken(Id(150), 1),
                new ProgrammeSeatFreed(ProgrammeId, Id(150), SeatFreedBecause.Withdrew, 0))
            .Decision.IsRefused.Should().BeFalse();

    [Fact]
    public void No_enrolment_into_a_closed_programme() =>
        Enrolling(Inmate(), ProgrammeOpened(), new ProgrammeClosed(ProgrammeId, "r", At)).ThenRefused(RefusalCodes.ProgrammeIsClosed);

    [Fact]
    public void No_enrolment_into_a_programme_at_another_facility() =>
        Enrolling(Inmate(), ProgrammeOpened(facility: OtherFacilityId)).ThenRefused(RefusalCodes.ProgrammeAtAnotherFacility);

    [Fact]
    public void Enrolment_dated_before_admission_is_refused() =>
        GivenProgramme(ProgrammeOpened()).When(p => EnrolmentDecider.Decide(Inmate(), p, new EnrolInmate(InmateId, ProgrammeId, AdmittedAt.AddDays(-2)), Now))
            .ThenRefused(RefusalCodes.BeforeAdmission);

    [Fact]
    public void No_enrolment_into_an_unknown_programme() => Enrolling(Inmate()).ThenRefused(RefusalCodes.ProgrammeNotFound);

    [Fact]
    public void No_double_enrolment() =>
        Enrolling(Inmate(Enrolled()), ProgrammeOpened(), SeatTaken(InmateId, 1)).ThenRefused(RefusalCodes.AlreadyEnrolled);

    [Fact]
    public void No_enrolment_after_release() =>
        Enrolling(Inmate(new InmateReleased(InmateId, FacilityId, At, "Bail")), ProgrammeOpened()).ThenRefused(RefusalCodes.InmateIsReleased);

    [Fact]
    public void No_enrolment_of_an_inmate_not_admitted() =>
        GivenProgramme(ProgrammeOpened())
            .When(p => EnrolmentDecider.Decide(InmateState.Initial, p, new EnrolInmate(InmateId, ProgrammeId, At), Now))
            .ThenRefused(RefusalCodes.InmateNotFound);

    [Fact]
    public void Withdrawal_frees_the_seat_on_the_programme() =>
        GivenProgramme(ProgrammeOpened(), SeatTaken(InmateId, 1))
            .When(p => EnrolmentDecider.Decide(Inmate(Enrolled()), p, new WithdrawFromProgramme(InmateId, ProgrammeId, "Ill health", At), Now))
            .ThenEmits(
                new StreamEvents(StreamIds.Inmate(InmateId), [new InmateWithdrewFromProgramme(InmateId, ProgrammeId, "Ill health", At)]),
                new StreamEvents(StreamIds.Programme(ProgrammeId), [new ProgrammeSeatFreed(ProgrammeId, InmateId, SeatFreedBecause.Withdrew, 0)]));

    [Fact]
    public void Withdrawal_without_enrolment_is_refused() =>
        GivenProgramme(ProgrammeOpened())
            .When(p => EnrolmentDecider.Decide(Inmate(), p, new WithdrawFromProgramme(InmateId, ProgrammeId, "r", At), Now))
            .ThenRefused(RefusalCodes.NotEnrolled);

    [Fact]
    public void Completion_frees_the_seat_on_the_programme() =>
        GivenProgramme(ProgrammeOpened(), SeatTaken(InmateId, 1))
            .When(p => EnrolmentDecider.Decide(Inmate(Enrolled()), p, new CompleteProgramme(InmateId, ProgrammeId, At), Now))
            .ThenEmits(
                new StreamEvents(StreamIds.Inmate(InmateId), [new InmateCompletedProgramme(InmateId, ProgrammeId, At)]),
                new StreamEvents(StreamIds.Programme(ProgrammeId), [new ProgrammeSeatFreed(ProgrammeId, InmateId, SeatFreedBecause.Completed, 0)]));

    [Fact]
    public void Completing_again_changes_nothing() =>
        GivenProgramme(ProgrammeOpened())
            .When(p => EnrolmentDecider.Decide(Inmate(Enrolled(), new InmateCompletedProgramme(InmateId, ProgrammeId, At)), p,
                new CompleteProgramme(InmateId, ProgrammeId, At), Now))
            .ThenNothing();

    private const string Code = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345";

    private static readonly CertifySkill Certify = new(InmateId, ProgrammeId, "truck art", "Level 2", "TEVTA assessor", "TEVTA-2026-114", At);

    [Fact]
    public void Skill_is_certified_for_an_enrolled_inmate_in_the_programme_spelling() =>
        GivenProgramme(ProgrammeOpened()).When(p => EnrolmentDecider.Decide(Inmate(Enrolled()), p, Certify, Code, Now))
            .ThenEmits(new SkillCertified(InmateId, ProgrammeId, "Truck art", "Level 2", "TEVTA assessor", "TEVTA-2026-114", At),
                new CertificateCodeIssued(InmateId, "TEVTA-2026-114", Code, Now));

    [Fact]
    public void Skill_is_certified_after_completion_and_after_release() =>
        GivenProgramme(ProgrammeOpened())
            .When(p => EnrolmentDecider.Decide(Inmate(Enrolled(), new InmateCompletedProgramme(InmateId, ProgrammeId, At),
                new InmateReleased(InmateId, FacilityId, At, "Bail")), p, Certify, Code, Now))
            .Decision.IsRefused.Should().BeFalse();

    [Fact]
    public void No_certification_in_a_skill_the_programme_does_not_teach() =>
        GivenProgramme(ProgrammeOpened()).When(p => EnrolmentDecider.Decide(Inmate(Enrolled()), p, Certify with { Skill = "Welding" }, Code, Now))
            .ThenRefused(RefusalCodes.SkillNotTaught);

    [Fact]
    public void No_certification_without_enrolment() =>
        GivenProgramme(ProgrammeOpened()).When(p => EnrolmentDecider.Decide(Inmate(), p, Certify, Code, Now)).ThenRefused(RefusalCodes.NotEnrolled);

    [Fact]
    public void No_certification_after_withdrawal() =>
        GivenProgramme(ProgrammeOpened())
            .When(p => EnrolmentDecider.Decide(Inmate(Enrolled(), new InmateWithdrewFromProgramme(InmateId, ProgrammeId, "r", At)), p, Certify, Code, Now))
            .ThenRefused(RefusalCodes.NotEnrolled);

    [Fact]
    public void Certificate_already_recorded_changes_nothing() =>
        GivenProgramme(ProgrammeOpened())
            .When(p => EnrolmentDecider.Decide(Inmate(Enrolled(),
                new SkillCertified(InmateId, ProgrammeId, "Truck art", "Level 2", "TEVTA assessor", "TEVTA-2026-114", At)), p, Certify, Code, Now))
            .ThenNothing();
}
