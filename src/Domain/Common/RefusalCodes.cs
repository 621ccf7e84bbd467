namespace SecondChance.Domain;

public static class RefusalCodes
{
    public const string InvalidCnic = "invalid_cnic";
    public const string InvalidName = "invalid_name";
    public const string InvalidPrisonerNumber = "invalid_prisoner_number";
    public const string InvalidTimeZone = "invalid_time_zone";
    public const string InvalidAmount = "invalid_amount";
    public const string InvalidCurrency = "invalid_currency";
    public const string InvalidCapacity = "invalid_capacity";
    public const string InvalidPolicy = "invalid_policy";
    public const string InvalidThreshold = "invalid_threshold";
    public const string InvalidDate = "invalid_date";
    public const string InvalidHours = "invalid_hours";
    public const string InvalidReason = "invalid_reason";
    public const string InvalidCorrection = "invalid_correction";
    public const string InvalidField = "invalid_field";
    public const string DateInFuture = "date_in_future";
    public const string BeforeAdmission = "before_admission";
    public const string EndsBeforeStart = "ends_before_start";
    public const string BeforeRelease = "before_release";
    public const string BeforeProduction = "before_production";
    public const string CurrencyMismatch = "currency_mismatch";

    public const string FacilityNotFound = "facility_not_found";
    public const string FacilityAlreadyRegistered = "facility_already_registered";
    public const string WardNotFound = "ward_not_found";
    public const string WardAlreadyExists = "ward_already_exists";
    public const string WardDesignationRequired = "ward_designation_required";
    public const string WardDesignationNotApplicable = "ward_designation_not_applicable";
    public const string PolicyAlreadyAdopted = "policy_already_adopted";
    public const string NoProceedsPolicy = "no_proceeds_policy";

    public const string InmateNotFound = "inmate_not_found";
    public const string AlreadyAdmitted = "already_admitted";
    public const string PrisonerNumberTaken = "prisoner_number_taken";
    public const string InmateIsReleased = "inmate_released";
    public const string InmateNotReleased = "inmate_not_released";
    public const string AlreadyReleased = "already_released";
    public const string WrongFacility = "wrong_facility";
    public const string SameFacility = "same_facility";
    public const string JuvenileInAdultWard = "juvenile_in_adult_ward";
    public const string AdultInJuvenileWard = "adult_in_juvenile_ward";
    public const string WardSexMismatch = "ward_sex_mismatch";
    public const string WardLegalStatusMismatch = "ward_legal_status_mismatch";
    public const string FemaleScreeningOnlyForWomen = "female_screening_only_for_women";
    public const string AlreadySegregated = "already_segregated";
    public const string NotSegregated = "not_segregated";
    public const string ActiveEnrolment = "active_enrolment";
    public const string ReleaseBeforeAdmission = "release_before_admission";
    public const string FollowUpBeforeRelease = "follow_up_before_release";
    public const string UnknownCorrectedEvent = "unknown_corrected_event";
    public const string RestraintNotFound = "restraint_not_found";
    public const string RestraintAlreadyRecorded = "restraint_already_recorded";
    public const string LabourOnlyForWomen = "labour_only_for_women";
    public const string InmateDied = "inmate_died";
    public const string IncidentNotFound = "incident_not_found";
    public const string IncidentAlreadyRecorded = "incident_already_recorded";
    public const string IncidentStepAlreadyRecorded = "incident_step_already_recorded";
    public const string BeforeIncident = "before_incident";
    public const string InvestigationNotOpened = "investigation_not_opened";

    public const string ProgrammeNotFound = "programme_not_found";
    public const string ProgrammeAlreadyOpened = "programme_already_opened";
    public const string ProgrammeIsClosed = "programme_closed";
    public const string ProgrammeFull = "programme_full";
    public const string ProgrammeAtAnotherFacility = "programme_at_another_facility";
    public const string AlreadyEnrolled = "already_enrolled";
    public const string NotEnrolled = "not_enrolled";
    public const string SkillNotTaught = "skill_not_taught";

    public const string ItemNotFound = "item_not_found";
    public const string ItemAlreadyProduced = "item_already_produced";
    public const string ItemNotListed = "item_not_listed";
    public const string ItemAlreadySold = "item_already_sold";
    public const string ItemNotSold = "item_not_sold";
    public const string MakerNotEligible = "maker_not_eligible";
    public const string WageAccountMissing = "wage_account_missing";
    public const string ItemOnOrder = "item_on_order";

    public const string PartnerNotFound = "partner_not_found";
    public const string PartnerAlreadyRegistered = "partner_already_registered";
    public const string PartnerRoleMissing = "partner_role_missing";
    public const string MemorandumAlreadySigned = "memorandum_already_signed";
    public const string NoMemorandumInForce = "no_memorandum_in_force";

    public const string OrderNotFound = "order_not_found";
    public const string OrderAlreadyPlaced = "order_already_placed";
    public const string OrderCancelled = "order_cancelled";
    public const string OrderFullyAllocated = "order_fully_allocated";
    public const string ItemNotForOrder = "item_not_for_order";
    public const string ItemNotAvailable = "item_not_available";
    public const string ItemNotAllocated = "item_not_allocated";
    public const string ItemAlreadyDelivered = "item_already_delivered";
    public const string OrderHasDeliveries = "order_has_deliveries";
    public const string PaymentNotWholeItems = "payment_not_whole_items";
    public const string PaymentExceedsDeliveries = "payment_exceeds_deliveries";
    public const string BeforeOrder = "before_order";

    public const string InsufficientFunds = "insufficient_funds";
    public const string AlreadyPaidOut = "already_paid_out";
    public const string NothingToPayOut = "nothing_to_pay_out";
    public const string PostingNotFound = "posting_not_found";
    public const string PostingAlreadyReversed = "posting_already_reversed";
    public const string CannotReverseReversal = "cannot_reverse_reversal";

    public const string PlanForSentencedOnly = "plan_for_sentenced_only";
    public const string GoalNotFound = "goal_not_found";

    public const string ComplaintNotFound = "complaint_not_found";
    public const string ComplaintAlreadyLodged = "complaint_already_lodged";
    public const string ComplaintHandledByOversight = "complaint_handled_by_oversight";
    public const string ComplaintStepOutOfOrder = "complaint_step_out_of_order";
    public const string ComplaintNotConfidential = "complaint_not_confidential";
    public const string ComplaintAlreadyDisclosed = "complaint_already_disclosed";
    public const string RemedyRequired = "remedy_required";

    public const string VentureNotFound = "venture_not_found";
    public const string VentureAlreadyProposed = "venture_already_proposed";
    public const string VentureStepOutOfOrder = "venture_step_out_of_order";
    public const string VentureClosed = "venture_closed";
    public const string InvalidFounders = "invalid_founders";
    public const string FounderNotCertified = "founder_not_certified";
    public const string FundInsufficient = "fund_insufficient";
    public const string GrantAlreadyAwarded = "grant_already_awarded";
    public const string MilestoneAlreadyReached = "milestone_already_reached";
    public const string RepaymentExceedsGrant = "repayment_exceeds_grant";

    public const string CertificateNotFound = "certificate_not_found";
    public const string CertificateAlreadyRevoked = "certificate_already_revoked";

    public const string MentorNotFound = "mentor_not_found";
    public const string MentorAlreadyRegistered = "mentor_already_registered";
    public const string MentorNotVetted = "mentor_not_vetted";
    public const string MentorInactive = "mentor_inactive";
    public const string MentorNotAssigned = "mentor_not_assigned";
    public const string MentorAlreadyAssigned = "mentor_already_assigned";

    public const string InvalidUsername = "invalid_username";
    public const string InvalidPassword = "invalid_password";
    public const string UsernameTaken = "username_taken";
    public const string UserAlreadyRegistered = "user_already_registered";
    public const string UserNotFound = "user_not_found";
    public const string UserInactive = "user_inactive";
    public const string UserHoldsGrants = "user_holds_grants";
    public const string NotAFederalReader = "not_a_federal_reader";
}
