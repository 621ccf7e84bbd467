using SecondChance.Domain.Access;
using SecondChance.Domain.Complaints;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Items;
using SecondChance.Domain.Mentors;
using SecondChance.Domain.Orders;
using SecondChance.Domain.Partners;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Ventures;
using SecondChance.Domain.Wages;

namespace SecondChance.Domain;

/// <summary>
/// The stable, stored name of every event. CLR names never reach the data; a changed shape gets a new
/// alias (.v2) and an upcaster from the old one.
/// </summary>
public static class DomainEventTypes
{
    public static IReadOnlyList<(Type Type, string Alias)> All { get; } =
    [
        (typeof(FacilityRegistered), "facility_registered.v1"),
        (typeof(WardAdded), "ward_added.v1"),
        (typeof(ProceedsPolicyAdopted), "proceeds_policy_adopted.v1"),
        (typeof(ComplianceThresholdsSet), "compliance_thresholds_set.v1"),
        (typeof(WardCapacityCertified), "ward_capacity_certified.v1"),

        (typeof(RehabilitationPlanDrawnUp), "rehabilitation_plan_drawn_up.v1"),
        (typeof(PlanGoalReviewed), "plan_goal_reviewed.v1"),

        (typeof(ComplaintLodged), "complaint_lodged.v1"),
        (typeof(ComplaintAcknowledged), "complaint_acknowledged.v1"),
        (typeof(ComplaintInvestigationOpened), "complaint_investigation_opened.v1"),
        (typeof(ComplaintDecided), "complaint_decided.v1"),
        (typeof(ComplaintAppealed), "complaint_appealed.v1"),
        (typeof(ComplaintDisclosed), "complaint_disclosed.v1"),

        (typeof(VentureFundCredited), "venture_fund_credited.v1"),
        (typeof(SeedGrantPaidOut), "seed_grant_paid_out.v1"),
        (typeof(VentureRepaymentReceived), "venture_repayment_received.v1"),
        (typeof(VentureProposed), "venture_proposed.v1"),
        (typeof(VentureApproved), "venture_approved.v1"),
        (typeof(VentureDeclined), "venture_declined.v1"),
        (typeof(SeedGrantAwarded), "seed_grant_awarded.v1"),
        (typeof(VentureMilestoneReached), "venture_milestone_reached.v1"),
        (typeof(VentureRepaid), "venture_repaid.v1"),
        (typeof(VentureClosed), "venture_closed.v1"),

        (typeof(PrisonerNumberReserved), "prisoner_number_reserved.v1"),
        (typeof(InmateAdmitted), "inmate_admitted.v1"),
        (typeof(InmateHoused), "inmate_housed.v1"),
        (typeof(MedicalScreeningRecorded), "medical_screening_recorded.v1"),
        (typeof(SegregationStarted), "segregation_started.v1"),
        (typeof(SegregationEnded), "segregation_ended.v1"),
        (typeof(InmateTransferred), "inmate_transferred.v1"),
        (typeof(LegalStatusChanged), "legal_status_changed.v1"),
        (typeof(InmateEnrolled), "inmate_enrolled.v1"),
        (typeof(InmateWithdrewFromProgramme), "inmate_withdrew_from_programme.v1"),
        (typeof(InmateCompletedProgramme), "inmate_completed_programme.v1"),
        (typeof(SkillCertified), "skill_certified.v1"),
        (typeof(CertificateCodeIssued), "certificate_code_issued.v1"),
        (typeof(CertificateRevoked), "certificate_revoked.v1"),
        (typeof(CertificateHolderConsentGiven), "certificate_holder_consent_given.v1"),
        (typeof(CertificateHolderConsentWithdrawn), "certificate_holder_consent_withdrawn.v1"),
        (typeof(MentorAssigned), "mentor_assigned.v1"),
        (typeof(MentorUnassigned), "mentor_unassigned.v1"),
        (typeof(MentoringContactRecorded), "mentoring_contact_recorded.v1"),
        (typeof(ReleasePlanned), "release_planned.v1"),
        (typeof(InmateReleased), "inmate_released.v1"),
        (typeof(PostReleaseFollowUpRecorded), "post_release_follow_up_recorded.v1"),
        (typeof(AttributionConsentGiven), "attribution_consent_given.v1"),
        (typeof(AttributionConsentWithdrawn), "attribution_consent_withdrawn.v1"),
        (typeof(InmateRecordCorrected), "inmate_record_corrected.v1"),
        (typeof(RestraintApplied), "restraint_applied.v1"),
        (typeof(RestraintEnded), "restraint_ended.v1"),
        (typeof(LabourRecorded), "labour_recorded.v1"),
        (typeof(CustodyIncidentRecorded), "custody_incident_recorded.v1"),
        (typeof(IncidentFamilyNotified), "incident_family_notified.v1"),
        (typeof(IncidentReportedToAuthority), "incident_reported_to_authority.v1"),
        (typeof(IncidentInvestigationOpened), "incident_investigation_opened.v1"),
        (typeof(IncidentInvestigationConcluded), "incident_investigation_concluded.v1"),
        (typeof(FamilyContactRecorded), "family_contact_recorded.v1"),
        (typeof(FamilyVisitRefused), "family_visit_refused.v1"),

        (typeof(ProgrammeOpened), "programme_opened.v1"),
        (typeof(ProgrammeClosed), "programme_closed.v1"),
        (typeof(ProgrammeSeatTaken), "programme_seat_taken.v1"),
        (typeof(ProgrammeSeatFreed), "programme_seat_freed.v1"),

        (typeof(ItemProduced), "item_produced.v1"),
        (typeof(ItemListed), "item_listed.v1"),
        (typeof(ItemShown), "item_shown.v1"),
        (typeof(ItemSold), "item_sold.v1"),
        (typeof(SaleProceedsDistributed), "sale_proceeds_distributed.v1"),
        (typeof(ItemWithdrawn), "item_withdrawn.v1"),
        (typeof(ItemReturned), "item_returned.v1"),
        (typeof(ItemAllocatedToOrder), "item_allocated_to_order.v1"),
        (typeof(ItemReleasedFromOrder), "item_released_from_order.v1"),

        (typeof(PartnerRegistered), "partner_registered.v1"),
        (typeof(MemorandumSigned), "memorandum_signed.v1"),
        (typeof(OrderPlaced), "order_placed.v1"),
        (typeof(OrderItemAllocated), "order_item_allocated.v1"),
        (typeof(OrderDelivered), "order_delivered.v1"),
        (typeof(OrderPaymentReceived), "order_payment_received.v1"),
        (typeof(OrderCancelled), "order_cancelled.v1"),

        (typeof(WageCredited), "wage_credited.v1"),
        (typeof(ShareOfSaleCredited), "share_of_sale_credited.v1"),
        (typeof(DeductionPosted), "deduction_posted.v1"),
        (typeof(FamilyRemittanceSent), "family_remittance_sent.v1"),
        (typeof(ReleasePayoutMade), "release_payout_made.v1"),
        (typeof(PostingReversed), "posting_reversed.v1"),

        (typeof(MentorRegistered), "mentor_registered.v1"),
        (typeof(MentorVetted), "mentor_vetted.v1"),
        (typeof(MentorDeactivated), "mentor_deactivated.v1"),

        (typeof(UserRegistered), "user_registered.v1"),
        (typeof(UsernameReserved), "username_reserved.v1"),
        (typeof(UserPasswordChanged), "user_password_changed.v1"),
        (typeof(UserRoleGranted), "user_role_granted.v1"),
        (typeof(UserRoleRevoked), "user_role_revoked.v1"),
        (typeof(UserFacilityGranted), "user_facility_granted.v1"),
        (typeof(UserFacilityRevoked), "user_facility_revoked.v1"),
        (typeof(UserProgrammeGranted), "user_programme_granted.v1"),
        (typeof(UserProgrammeRevoked), "user_programme_revoked.v1"),
        (typeof(UserPersonalDataAccessGranted), "user_personal_data_access_granted.v1"),
        (typeof(UserPersonalDataAccessRevoked), "user_personal_data_access_revoked.v1"),
        (typeof(UserDeactivated), "user_deactivated.v1"),
        (typeof(UserAssignedToTenant), "user_assigned_to_tenant.v1"),
        (typeof(UserTenantReadGranted), "user_tenant_read_granted.v1"),
        (typeof(UserTenantReadRevoked), "user_tenant_read_revoked.v1"),
    ];

    public static string AliasOf(Type type) =>
        All.FirstOrDefault(e => e.Type == type).Alias ?? throw new ArgumentException($"{type.Name} is not a registered event.", nameof(type));

    public static Type? TypeOf(string alias) => All.FirstOrDefault(e => e.Alias == alias).Type;
}
