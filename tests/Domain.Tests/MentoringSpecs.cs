using SecondChance.Domain.Inmates;
using SecondChance.Domain.Mentors;
using SecondChance.Domain.Tests.Support;
using static SecondChance.Domain.Tests.Support.F;
using static SecondChance.Domain.Tests.Support.Spec;

namespace SecondChance.Domain.Tests;

public class MentoringSpecs
{
    private static readonly MentorState Vetted = GivenMentor(MentorRegistered(), MentorVetted()).State;
    private static readonly Guid ContactId = Id(4100);

    private static RecordMentoringContact Contact(ReleasePhase phase = ReleasePhase.BeforeRelease) =>
        new(InmateId, ContactId, MentorId, Now.AddHours(-2), ContactMode.InPerson, phase, "Discussed stall licence");

    [Fact]
    public void Volunteer_mentor_is_registered() =>
        GivenMentor().When(s => MentorDecider.Decide(s, new RegisterMentor(MentorId, "Sadia Khan", "35202-7654321-2", "0300-1234567", "Rozan Trust"), Now))
            .ThenEmits(MentorRegistered());

    [Fact]
    public void Mentor_with_malformed_cnic_is_refused() =>
        GivenMentor().When(s => MentorDecider.Decide(s, new RegisterMentor(MentorId, "Sadia Khan", "35202", "", ""), Now))
            .ThenRefused(RefusalCodes.InvalidCnic);

    [Fact]
    public void Registering_another_mentor_over_a_registered_one_is_refused() =>
        GivenMentor(MentorRegistered()).When(s => MentorDecider.Decide(s, new RegisterMentor(Id(401), "X", "35202-7654321-2", "", ""), Now))
            .ThenRefused(RefusalCodes.MentorAlreadyRegistered);

    [Fact]
    public void Mentor_is_vetted_once() =>
        GivenMentor(MentorRegistered()).When(s => MentorDecider.Decide(s, new VetMentor(MentorId, "Welfare Officer", new DateOnly(2026, 1, 5), "VET-17"), Now))
            .ThenEmits(MentorVetted());

    [Fact]
    public void Vetting_an_unregistered_mentor_is_refused() =>
        GivenMentor().When(s => MentorDecider.Decide(s, new VetMentor(MentorId, "Welfare Officer", new DateOnly(2026, 1, 5), "VET-17"), Now))
            .ThenRefused(RefusalCodes.MentorNotFound);

    [Fact]
    public void Mentor_is_deactivated_with_a_reason() =>
        GivenMentor(MentorRegistered()).When(s => MentorDecider.Decide(s, new DeactivateMentor(MentorId, "Moved abroad", Now), Now))
            .ThenEmits(new MentorDeactivated(MentorId, "Moved abroad", Now));

    [Fact]
    public void Vetted_active_mentor_is_assigned() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, Vetted, new AssignMentor(InmateId, MentorId, Now), Now))
            .ThenEmits(new MentorAssigned(InmateId, MentorId, Now));

    [Fact]
    public void Unvetted_mentor_cannot_be_assigned() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, GivenMentor(MentorRegistered()).State, new AssignMentor(InmateId, MentorId, Now), Now))
            .ThenRefused(RefusalCodes.MentorNotVetted);

    [Fact]
    public void Deactivated_mentor_cannot_be_assigned() =>
        GivenInmate(Admitted())
            .When(s => InmateDecider.Decide(s, GivenMentor(MentorRegistered(), MentorVetted(), new MentorDeactivated(MentorId, "r", Now)).State,
                new AssignMentor(InmateId, MentorId, Now), Now))
            .ThenRefused(RefusalCodes.MentorInactive);

    [Fact]
    public void Unknown_mentor_cannot_be_assigned() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, MentorState.Initial, new AssignMentor(InmateId, MentorId, Now), Now))
            .ThenRefused(RefusalCodes.MentorNotFound);

    [Fact]
    public void Second_mentor_cannot_be_assigned_before_the_first_is_unassigned() =>
        GivenInmate(Admitted(), new MentorAssigned(InmateId, Id(401), Now.AddDays(-3)))
            .When(s => InmateDecider.Decide(s, Vetted, new AssignMentor(InmateId, MentorId, Now), Now))
            .ThenRefused(RefusalCodes.MentorAlreadyAssigned);

    [Fact]
    public void Mentor_is_unassigned_with_a_reason() =>
        GivenInmate(Admitted(), new MentorAssigned(InmateId, MentorId, Now.AddDays(-3)))
            .When(s => InmateDecider.Decide(s, new UnassignMentor(InmateId, MentorId, "Mentor request", Now), Now))
            .ThenEmits(new MentorUnassigned(InmateId, MentorId, "Mentor request", Now));

    [Fact]
    public void Unassigning_a_mentor_who_is_not_assigned_is_refused() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new UnassignMentor(InmateId, MentorId, "r", Now), Now))
            .ThenRefused(RefusalCodes.MentorNotAssigned);

    [Fact]
    public void Mentoring_contact_before_release_is_recorded() =>
        GivenInmate(Admitted(), new MentorAssigned(InmateId, MentorId, Now.AddDays(-3)))
            .When(s => InmateDecider.Decide(s, Vetted, Contact(), Now))
            .ThenEmits(new MentoringContactRecorded(InmateId, ContactId, MentorId, Now.AddHours(-2), ContactMode.InPerson,
                ReleasePhase.BeforeRelease, "Discussed stall licence"));

    [Fact]
    public void Recording_the_same_contact_twice_changes_nothing() =>
        GivenInmate(Admitted(), new MentorAssigned(InmateId, MentorId, Now.AddDays(-3)),
                new MentoringContactRecorded(InmateId, ContactId, MentorId, Now.AddHours(-2), ContactMode.InPerson, ReleasePhase.BeforeRelease, "x"))
            .When(s => InmateDecider.Decide(s, Vetted, Contact(), Now)).ThenNothing();

    [Fact]
    public void Contact_by_a_mentor_not_assigned_is_refused() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, Vetted, Contact(), Now)).ThenRefused(RefusalCodes.MentorNotAssigned);

    [Fact]
    public void Contact_by_an_unvetted_mentor_is_refused() =>
        GivenInmate(Admitted(), new MentorAssigned(InmateId, MentorId, Now.AddDays(-3)))
            .When(s => InmateDecider.Decide(s, GivenMentor(MentorRegistered()).State, Contact(), Now))
            .ThenRefused(RefusalCodes.MentorNotVetted);

    [Fact]
    public void Contact_before_release_cannot_be_recorded_after_release() =>
        GivenInmate(Admitted(), new MentorAssigned(InmateId, MentorId, Now.AddDays(-3)), new InmateReleased(InmateId, FacilityId, Now.AddDays(-1), "Bail"))
            .When(s => InmateDecider.Decide(s, Vetted, Contact(), Now))
            .ThenRefused(RefusalCodes.InmateIsReleased);

    [Fact]
    public void Contact_after_release_needs_a_release() =>
        GivenInmate(Admitted(), new MentorAssigned(InmateId, MentorId, Now.AddDays(-3)))
            .When(s => InmateDecider.Decide(s, Vetted, Contact(ReleasePhase.AfterRelease), Now))
            .ThenRefused(RefusalCodes.InmateNotReleased);

    [Fact]
    public void Contact_cannot_be_in_the_future() =>
        GivenInmate(Admitted(), new MentorAssigned(InmateId, MentorId, Now.AddDays(-3)))
            .When(s => InmateDecider.Decide(s, Vetted, Contact() with { ContactAt = TooLate }, Now))
            .ThenRefused(RefusalCodes.DateInFuture);

    [Fact]
    public void Contact_before_admission_is_refused() =>
        GivenInmate(Admitted(), new MentorAssigned(InmateId, MentorId, Now.AddDays(-3)))
            .When(s => InmateDecider.Decide(s, Vetted, Contact() with { ContactAt = AdmittedAt.AddDays(-1) }, Now))
            .ThenRefused(RefusalCodes.BeforeAdmission);

    [Fact]
    public void Mentor_cannot_be_unassigned_before_being_assigned() =>
        GivenInmate(Admitted(), new MentorAssigned(InmateId, MentorId, Now.AddDays(-3)))
            .When(s => InmateDecider.Decide(s, new UnassignMentor(InmateId, MentorId, "Mentor request", Now.AddDays(-4)), Now))
            .ThenRefused(RefusalCodes.EndsBeforeStart);
}
