using FluentAssertions;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Tests.Support;
using static SecondChance.Domain.Tests.Support.F;
using static SecondChance.Domain.Tests.Support.Spec;

namespace SecondChance.Domain.Tests;

public class AdmissionSpecs
{
    private static readonly FacilityState Karachi = GivenFacility(Facility()).State;
    private static readonly PrisonerNumberReservation Free = PrisonerNumberReservation.Initial;

    private static ThenMulti Admitting(AdmitInmate command, PrisonerNumberReservation? reservation = null, params object[] history) =>
        GivenInmate(history).When(s => InmateDecider.Decide(s, reservation ?? Free, Karachi, command, Now));

    [Fact]
    public void Admission_writes_the_inmate_stream_and_reserves_the_prisoner_number() =>
        Admitting(Admit(number: " khi-2026-0001 ")).ThenEmits(
            new StreamEvents(StreamIds.Inmate(InmateId), [Admitted()]),
            new StreamEvents(StreamIds.PrisonerNumber(FacilityId, "KHI-2026-0001"),
                [new PrisonerNumberReserved(FacilityId, "KHI-2026-0001", InmateId)]));

    [Fact]
    public void Repeating_an_admission_changes_nothing() =>
        Admitting(Admit(), GivenReservation(new PrisonerNumberReserved(FacilityId, "KHI-2026-0001", InmateId)).State, Admitted())
            .ThenNothing();

    [Fact]
    public void Admitting_an_admitted_inmate_again_is_refused() =>
        Admitting(Admit(number: "KHI-2026-0999"), null, Admitted()).ThenRefused(RefusalCodes.AlreadyAdmitted);

    [Fact]
    public void Prisoner_number_is_unique_per_facility() =>
        Admitting(Admit(id: WomanId), GivenReservation(new PrisonerNumberReserved(FacilityId, "KHI-2026-0001", InmateId)).State)
            .ThenRefused(RefusalCodes.PrisonerNumberTaken);

    [Theory]
    [InlineData("4210112345671")]
    [InlineData("42101-123456-71")]
    [InlineData("4210A-1234567-1")]
    [InlineData("42101-1234567-12")]
    [InlineData("")]
    public void Malformed_cnic_is_refused(string cnic) =>
        Admitting(Admit(cnic: cnic)).ThenRefused(RefusalCodes.InvalidCnic);

    [Fact]
    public void Cnic_validator_accepts_the_dashed_13_digit_form()
    {
        Cnic.TryParse(" 42101-1234567-1 ", out var cnic).Should().BeTrue();
        cnic.Should().Be("42101-1234567-1");
        Cnic.IsValid("42101-1234567-1-").Should().BeFalse();
        Cnic.IsValid(null).Should().BeFalse();
    }

    [Fact]
    public void Blank_name_is_refused() => Admitting(Admit() with { FullName = " " }).ThenRefused(RefusalCodes.InvalidName);

    [Fact]
    public void Malformed_prisoner_number_is_refused() =>
        Admitting(Admit(number: "no spaces allowed")).ThenRefused(RefusalCodes.InvalidPrisonerNumber);

    [Fact]
    public void Committal_authority_is_required() =>
        Admitting(Admit() with { CommittalAuthority = "" }).ThenRefused(RefusalCodes.InvalidField);

    [Fact]
    public void Admission_time_cannot_be_in_the_future() =>
        Admitting(Admit() with { AdmittedAt = TooLate }).ThenRefused(RefusalCodes.DateInFuture);

    [Fact]
    public void Admission_time_within_clock_skew_is_accepted() =>
        Admitting(Admit() with { AdmittedAt = Now.AddMinutes(2) }).Decision.IsRefused.Should().BeFalse();

    [Fact]
    public void Birth_after_admission_is_refused() =>
        Admitting(Admit() with { DateOfBirth = new DateOnly(2027, 1, 1) }).ThenRefused(RefusalCodes.InvalidDate);

    [Fact]
    public void Admission_to_an_unregistered_facility_is_refused() =>
        GivenInmate().When(s => InmateDecider.Decide(s, Free, FacilityState.Initial, Admit(), Now)).ThenRefused(RefusalCodes.FacilityNotFound);

    [Fact]
    public void Commands_on_an_inmate_never_admitted_are_refused() =>
        GivenInmate().When(s => InmateDecider.Decide(s, new ChangeLegalStatus(InmateId, LegalStatus.Convicted, Now, "Case 12/2026"), Now))
            .ThenRefused(RefusalCodes.InmateNotFound);

    [Fact]
    public void Legal_status_change_records_from_and_to() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new ChangeLegalStatus(InmateId, LegalStatus.Convicted, Now, "Case 12/2026"), Now))
            .ThenEmits(new LegalStatusChanged(InmateId, LegalStatus.Remand, LegalStatus.Convicted, Now, "Case 12/2026"));

    [Fact]
    public void Unchanged_legal_status_changes_nothing() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new ChangeLegalStatus(InmateId, LegalStatus.Remand, Now, "Case 12/2026"), Now))
            .ThenNothing();

    [Fact]
    public void Legal_status_change_needs_a_court_reference() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new ChangeLegalStatus(InmateId, LegalStatus.Convicted, Now, ""), Now))
            .ThenRefused(RefusalCodes.InvalidReason);

    [Fact]
    public void Consent_to_attribution_is_given_and_withdrawn()
    {
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new GiveAttributionConsent(InmateId, Now), Now))
            .ThenEmits(new AttributionConsentGiven(InmateId, Now));
        GivenInmate(Admitted(consent: true)).When(s => InmateDecider.Decide(s, new GiveAttributionConsent(InmateId, Now), Now)).ThenNothing();
        GivenInmate(Admitted(consent: true)).When(s => InmateDecider.Decide(s, new WithdrawAttributionConsent(InmateId, Now), Now))
            .ThenEmits(new AttributionConsentWithdrawn(InmateId, Now));
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new WithdrawAttributionConsent(InmateId, Now), Now)).ThenNothing();
    }
}
