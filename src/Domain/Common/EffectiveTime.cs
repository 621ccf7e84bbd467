using SecondChance.Domain.Complaints;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Ventures;
using SecondChance.Domain.Wages;

namespace SecondChance.Domain;

/// <summary>
/// When the thing an event records took effect (a wage was credited, a segregation began), as opposed to when the
/// event was recorded. Null for an event that carries no time of its own: it took effect when it was recorded.
/// </summary>
public static class EffectiveTime
{
    public static DateTimeOffset? Of(object @event) => @event switch
    {
        InmateAdmitted e => e.AdmittedAt,
        InmateHoused e => e.HousedAt,
        MedicalScreeningRecorded e => e.ScreenedAt,
        SegregationStarted e => e.StartedAt,
        SegregationEnded e => e.EndedAt,
        InmateTransferred e => e.TransferredAt,
        LegalStatusChanged e => e.ChangedAt,
        InmateEnrolled e => e.EnrolledAt,
        InmateWithdrewFromProgramme e => e.WithdrewAt,
        InmateCompletedProgramme e => e.CompletedAt,
        SkillCertified e => e.CertifiedAt,
        CertificateCodeIssued e => e.IssuedAt,
        CertificateRevoked e => e.RevokedAt,
        CertificateHolderConsentGiven e => e.GivenAt,
        CertificateHolderConsentWithdrawn e => e.WithdrawnAt,
        MentorAssigned e => e.AssignedAt,
        MentorUnassigned e => e.UnassignedAt,
        MentoringContactRecorded e => e.ContactAt,
        ReleasePlanned e => e.PlannedAt,
        InmateReleased e => e.ReleasedAt,
        PostReleaseFollowUpRecorded e => e.FollowedUpAt,
        AttributionConsentGiven e => e.GivenAt,
        AttributionConsentWithdrawn e => e.WithdrawnAt,
        RestraintApplied e => e.StartedAt,
        RestraintEnded e => e.EndedAt,
        LabourRecorded e => e.LabourStartedAt,
        CustodyIncidentRecorded e => e.OccurredAt,
        IncidentFamilyNotified e => e.NotifiedAt,
        IncidentReportedToAuthority e => e.ReportedAt,
        IncidentInvestigationOpened e => e.OpenedAt,
        IncidentInvestigationConcluded e => e.ConcludedAt,
        FamilyContactRecorded e => e.ContactAt,
        FamilyVisitRefused e => e.RefusedAt,
        WageCredited e => e.CreditedAt,
        ShareOfSaleCredited e => e.CreditedAt,
        DeductionPosted e => e.PostedAt,
        FamilyRemittanceSent e => e.SentAt,
        ReleasePayoutMade e => e.PaidAt,
        PostingReversed e => e.ReversedAt,
        WardCapacityCertified e => e.EffectiveFrom,
        RehabilitationPlanDrawnUp e => e.DrawnUpAt,
        PlanGoalReviewed e => e.ReviewedAt,
        ComplaintLodged e => e.LodgedAt,
        ComplaintAcknowledged e => e.AcknowledgedAt,
        ComplaintInvestigationOpened e => e.OpenedAt,
        ComplaintDecided e => e.DecidedAt,
        ComplaintAppealed e => e.AppealedAt,
        ComplaintDisclosed e => e.DisclosedAt,
        VentureFundCredited e => e.CreditedAt,
        SeedGrantPaidOut e => e.PaidAt,
        VentureRepaymentReceived e => e.ReceivedAt,
        VentureProposed e => e.ProposedAt,
        VentureApproved e => e.ApprovedAt,
        VentureDeclined e => e.DeclinedAt,
        SeedGrantAwarded e => e.AwardedAt,
        VentureMilestoneReached e => e.ReachedAt,
        VentureRepaid e => e.RepaidAt,
        VentureClosed e => e.ClosedAt,
        _ => null,
    };

    /// <summary>The effective instant, or the recording instant for an event without one.</summary>
    public static DateTimeOffset Of(object @event, DateTimeOffset recordedAt) => Of(@event) ?? recordedAt;
}
