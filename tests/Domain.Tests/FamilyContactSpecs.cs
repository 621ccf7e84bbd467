using SecondChance.Domain.Inmates;
using SecondChance.Domain.Tests.Support;
using static SecondChance.Domain.Tests.Support.F;
using static SecondChance.Domain.Tests.Support.Spec;

namespace SecondChance.Domain.Tests;

public class FamilyContactSpecs
{
    private static readonly Guid ContactId = Id(800);

    [Fact]
    public void A_video_call_with_a_child_is_recorded() =>
        GivenInmate(Admitted(WomanId, Sex.Female))
            .When(s => InmateDecider.Decide(s, new RecordFamilyContact(WomanId, ContactId, " Sana (daughter) ", FamilyRelation.Child, ContactMode.Video, Now), Now))
            .ThenEmits(new FamilyContactRecorded(WomanId, ContactId, "Sana (daughter)", FamilyRelation.Child, ContactMode.Video, Now));

    [Fact]
    public void Recording_the_same_contact_again_changes_nothing() =>
        GivenInmate(Admitted(), new FamilyContactRecorded(InmateId, ContactId, "Father", FamilyRelation.Parent, ContactMode.InPerson, Now))
            .When(s => InmateDecider.Decide(s, new RecordFamilyContact(InmateId, ContactId, "Father", FamilyRelation.Parent, ContactMode.InPerson, Now), Now))
            .ThenNothing();

    [Fact]
    public void A_contact_needs_who_it_was_with() =>
        GivenInmate(Admitted())
            .When(s => InmateDecider.Decide(s, new RecordFamilyContact(InmateId, ContactId, "", FamilyRelation.Parent, ContactMode.Phone, Now), Now))
            .ThenRefused(RefusalCodes.InvalidName);

    [Fact]
    public void A_contact_before_admission_is_refused() =>
        GivenInmate(Admitted())
            .When(s => InmateDecider.Decide(s, new RecordFamilyContact(InmateId, ContactId, "Father", FamilyRelation.Parent, ContactMode.Phone,
                AdmittedAt.AddMinutes(-1)), Now))
            .ThenRefused(RefusalCodes.BeforeAdmission);

    [Fact]
    public void A_refused_visit_is_recorded_with_its_reason() =>
        GivenInmate(Admitted())
            .When(s => InmateDecider.Decide(s, new RefuseFamilyVisit(InmateId, "Wife", FamilyRelation.Spouse, "No CNIC shown", "Gate warder", Now), Now))
            .ThenEmits(new FamilyVisitRefused(InmateId, "Wife", FamilyRelation.Spouse, "No CNIC shown", "Gate warder", Now));

    [Fact]
    public void A_refused_visit_needs_a_reason() =>
        GivenInmate(Admitted())
            .When(s => InmateDecider.Decide(s, new RefuseFamilyVisit(InmateId, "Wife", FamilyRelation.Spouse, " ", "Gate warder", Now), Now))
            .ThenRefused(RefusalCodes.InvalidReason);

    [Fact]
    public void A_released_inmate_gets_no_visits_recorded() =>
        GivenInmate(Admitted(), new InmateReleased(InmateId, FacilityId, Now.AddDays(-1), "Bail"))
            .When(s => InmateDecider.Decide(s, new RecordFamilyContact(InmateId, ContactId, "Father", FamilyRelation.Parent, ContactMode.Phone, Now), Now))
            .ThenRefused(RefusalCodes.InmateIsReleased);
}
