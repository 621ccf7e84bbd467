using SecondChance.Domain.Complaints;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Tests.Support;
using static SecondChance.Domain.Tests.Support.F;
using static SecondChance.Domain.Tests.Support.Spec;

namespace SecondChance.Domain.Tests;

public class ComplaintSpecs
{
    private static readonly Guid ComplaintId = Id(900);
    private static readonly DateTimeOffset LodgedAt = Now.AddDays(-10);
    private static readonly InmateState Inmate = GivenInmate(Admitted()).State;

    private static LodgeComplaint Lodge(ComplaintChannel channel = ComplaintChannel.ThroughStaff, bool byOversight = false,
        DateTimeOffset? at = null, string account = "The warder demanded money for visits") =>
        new(ComplaintId, InmateId, channel, ComplainantKind.FamilyMember, "Nasreen Bibi", ComplaintCategory.Extortion, true, account,
            "Welfare officer", at ?? LodgedAt, byOversight);

    private static ComplaintLodged Lodged(ComplaintChannel channel = ComplaintChannel.ThroughStaff) =>
        new(ComplaintId, InmateId, FacilityId, channel, ComplainantKind.FamilyMember, "Nasreen Bibi", ComplaintCategory.Extortion, true,
            "The warder demanded money for visits", "Welfare officer", LodgedAt);

    private static Given<ComplaintsState> GivenComplaints(params object[] events) => Given(ComplaintsState.Initial, ComplaintsState.Evolve, events);

    private static readonly ComplaintAcknowledged Acknowledged = new(ComplaintId, InmateId, "Deputy superintendent", LodgedAt.AddDays(1));
    private static readonly ComplaintInvestigationOpened Investigated = new(ComplaintId, InmateId, "Inspector", LodgedAt.AddDays(2));
    private static readonly ComplaintDecided Decided = new(ComplaintId, InmateId, ComplaintOutcome.NotUpheld, null, "Superintendent", LodgedAt.AddDays(5));

    [Fact]
    public void Staff_record_a_complaint_lodged_with_them() =>
        GivenComplaints().When(s => ComplaintDecider.Decide(s, Inmate, Lodge(), Now)).ThenEmits(Lodged());

    [Fact]
    public void Oversight_records_a_complaint_addressed_to_it() =>
        GivenComplaints().When(s => ComplaintDecider.Decide(s, Inmate, Lodge(ComplaintChannel.ToOversight, byOversight: true), Now))
            .ThenEmits(Lodged(ComplaintChannel.ToOversight));

    [Fact]
    public void Staff_cannot_record_a_complaint_addressed_to_oversight() =>
        GivenComplaints().When(s => ComplaintDecider.Decide(s, Inmate, Lodge(ComplaintChannel.ToOversight), Now))
            .ThenRefused(RefusalCodes.ComplaintHandledByOversight);

    [Fact]
    public void A_complaint_needs_its_account() =>
        GivenComplaints().When(s => ComplaintDecider.Decide(s, Inmate, Lodge(account: " "), Now)).ThenRefused(RefusalCodes.InvalidReason);

    [Fact]
    public void A_complaint_about_an_unknown_inmate_is_refused() =>
        GivenComplaints().When(s => ComplaintDecider.Decide(s, InmateState.Initial, Lodge(), Now)).ThenRefused(RefusalCodes.InmateNotFound);

    [Fact]
    public void A_complaint_cannot_be_lodged_in_the_future() =>
        GivenComplaints().When(s => ComplaintDecider.Decide(s, Inmate, Lodge(at: TooLate), Now)).ThenRefused(RefusalCodes.DateInFuture);

    [Fact]
    public void A_complaint_id_is_lodged_once() =>
        GivenComplaints(Lodged()).When(s => ComplaintDecider.Decide(s, Inmate, Lodge(), Now)).ThenRefused(RefusalCodes.ComplaintAlreadyLodged);

    [Fact]
    public void A_lodged_complaint_is_acknowledged() =>
        GivenComplaints(Lodged()).When(s => ComplaintDecider.Decide(s, new AcknowledgeComplaint(InmateId, ComplaintId, "Deputy superintendent", LodgedAt.AddDays(1)), Now))
            .ThenEmits(Acknowledged);

    [Fact]
    public void A_complaint_cannot_be_investigated_before_it_is_acknowledged() =>
        GivenComplaints(Lodged()).When(s => ComplaintDecider.Decide(s, new OpenComplaintInvestigation(InmateId, ComplaintId, "Inspector", null), Now))
            .ThenRefused(RefusalCodes.ComplaintStepOutOfOrder);

    [Fact]
    public void A_step_cannot_be_dated_before_the_step_before_it() =>
        GivenComplaints(Lodged(), Acknowledged)
            .When(s => ComplaintDecider.Decide(s, new OpenComplaintInvestigation(InmateId, ComplaintId, "Inspector", Acknowledged.AcknowledgedAt.AddMinutes(-1)), Now))
            .ThenRefused(RefusalCodes.EndsBeforeStart);

    [Fact]
    public void An_upheld_complaint_needs_a_remedy() =>
        GivenComplaints(Lodged(), Acknowledged, Investigated)
            .When(s => ComplaintDecider.Decide(s, new DecideComplaint(InmateId, ComplaintId, ComplaintOutcome.Upheld, " ", "Superintendent", null), Now))
            .ThenRefused(RefusalCodes.RemedyRequired);

    [Fact]
    public void An_investigated_complaint_is_decided() =>
        GivenComplaints(Lodged(), Acknowledged, Investigated)
            .When(s => ComplaintDecider.Decide(s, new DecideComplaint(InmateId, ComplaintId, ComplaintOutcome.NotUpheld, null, "Superintendent", Decided.DecidedAt), Now))
            .ThenEmits(Decided);

    [Fact]
    public void A_decided_complaint_is_appealed_once() =>
        GivenComplaints(Lodged(), Acknowledged, Investigated, Decided, new ComplaintAppealed(ComplaintId, InmateId, "New witnesses", LodgedAt.AddDays(6)))
            .When(s => ComplaintDecider.Decide(s, new AppealComplaint(InmateId, ComplaintId, "Again", null), Now))
            .ThenRefused(RefusalCodes.ComplaintStepOutOfOrder);

    [Fact]
    public void An_undisclosed_confidential_complaint_does_not_exist_for_staff() =>
        GivenComplaints(Lodged(ComplaintChannel.ToOversight))
            .When(s => ComplaintDecider.Decide(s, new AcknowledgeComplaint(InmateId, ComplaintId, "Deputy superintendent", null), Now))
            .ThenRefused(RefusalCodes.ComplaintNotFound);

    [Fact]
    public void A_disclosed_confidential_complaint_is_still_handled_by_oversight_alone() =>
        GivenComplaints(Lodged(ComplaintChannel.ToOversight), new ComplaintDisclosed(ComplaintId, InmateId, "Ombudsman", "Inquiry", LodgedAt.AddDays(1)))
            .When(s => ComplaintDecider.Decide(s, new AcknowledgeComplaint(InmateId, ComplaintId, "Deputy superintendent", null), Now))
            .ThenRefused(RefusalCodes.ComplaintHandledByOversight);

    [Fact]
    public void Oversight_discloses_a_confidential_complaint_once() =>
        GivenComplaints(Lodged(ComplaintChannel.ToOversight), new ComplaintDisclosed(ComplaintId, InmateId, "Ombudsman", "Inquiry", LodgedAt.AddDays(1)))
            .When(s => ComplaintDecider.Decide(s, new DiscloseComplaint(InmateId, ComplaintId, "Ombudsman", "Again", null, true), Now))
            .ThenRefused(RefusalCodes.ComplaintAlreadyDisclosed);

    [Fact]
    public void A_complaint_lodged_through_staff_has_nothing_to_disclose() =>
        GivenComplaints(Lodged())
            .When(s => ComplaintDecider.Decide(s, new DiscloseComplaint(InmateId, ComplaintId, "Ombudsman", "Inquiry", null, true), Now))
            .ThenRefused(RefusalCodes.ComplaintNotConfidential);

    [Fact]
    public void Oversight_discloses_a_confidential_complaint() =>
        GivenComplaints(Lodged(ComplaintChannel.ToOversight))
            .When(s => ComplaintDecider.Decide(s, new DiscloseComplaint(InmateId, ComplaintId, "Ombudsman", "Inquiry needs the facility", Now, true), Now))
            .ThenEmits(new ComplaintDisclosed(ComplaintId, InmateId, "Ombudsman", "Inquiry needs the facility", Now));
}
