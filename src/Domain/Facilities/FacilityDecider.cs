using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Facilities;

public static class FacilityDecider
{
    public static Decision Decide(FacilityState state, RegisterFacility command, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(command.Name)) return Decision.Refuse(InvalidName, "Facility name is required.");
        if (string.IsNullOrWhiteSpace(command.Code)) return Decision.Refuse(InvalidName, "Facility code is required.");
        if (string.IsNullOrWhiteSpace(command.TimeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(command.TimeZoneId, out _))
            return Decision.Refuse(InvalidTimeZone, $"'{command.TimeZoneId}' is not a known IANA time zone.");
        if (!Money.IsCurrencyCode(command.Currency))
            return Decision.Refuse(InvalidCurrency, "Currency must be an ISO 4217 code such as PKR.");

        var registered = new FacilityRegistered(
            command.FacilityId, command.Name.Trim(), command.Code.Trim(), command.TimeZoneId, command.SeparatesUntriedFromConvicted, command.Currency);
        if (state.Registered)
        {
            var same = state.FacilityId == registered.FacilityId && state.Name == registered.Name && state.Code == registered.Code
                && state.TimeZoneId == registered.TimeZoneId
                && state.SeparatesUntriedFromConvicted == registered.SeparatesUntriedFromConvicted && state.Currency == registered.Currency;
            return same ? Decision.Nothing : Decision.Refuse(FacilityAlreadyRegistered, "The facility is already registered.");
        }
        return Decision.Accept(registered);
    }

    public static Decision Decide(FacilityState state, CertifyWardCapacity command, DateTimeOffset now)
    {
        if (!state.Registered) return Decision.Refuse(FacilityNotFound, "The facility is not registered.");
        if (!state.Wards.ContainsKey(command.WardId)) return Decision.Refuse(WardNotFound, "The facility has no ward with this id.");
        if (command.Capacity <= 0) return Decision.Refuse(InvalidCapacity, "A ward's certified capacity is a whole number above zero.");
        if (string.IsNullOrWhiteSpace(command.CertifiedBy)) return Decision.Refuse(InvalidName, "Who certified the capacity is required.");
        var from = command.EffectiveFrom ?? now;
        if (DomainTime.IsInFuture(from, now)) return Decision.Refuse(DateInFuture, "The capacity's effective time is in the future.");
        if (state.Capacities.Any(c => c.WardId == command.WardId && c.EffectiveFrom == from && c.Capacity == command.Capacity)) return Decision.Nothing;
        return Decision.Accept(new WardCapacityCertified(state.FacilityId, command.WardId, command.Capacity, command.CertifiedBy.Trim(), from));
    }

    public static Decision Decide(FacilityState state, AddWard command, DateTimeOffset now)
    {
        if (!state.Registered) return Decision.Refuse(FacilityNotFound, "The facility is not registered.");
        if (string.IsNullOrWhiteSpace(command.Name)) return Decision.Refuse(InvalidName, "Ward name is required.");
        if (state.SeparatesUntriedFromConvicted && command.Designation == WardDesignation.Mixed)
            return Decision.Refuse(WardDesignationRequired, "This facility separates untried from convicted; say which the ward holds.");
        if (!state.SeparatesUntriedFromConvicted && command.Designation != WardDesignation.Mixed)
            return Decision.Refuse(WardDesignationNotApplicable, "This facility does not separate untried from convicted.");

        var ward = new Ward(command.WardId, command.Name.Trim(), command.Category, command.Designation);
        if (state.Wards.TryGetValue(command.WardId, out var existing))
            return existing == ward ? Decision.Nothing : Decision.Refuse(WardAlreadyExists, "A different ward with this id exists.");
        return Decision.Accept(new WardAdded(state.FacilityId, ward.WardId, ward.Name, ward.Category, ward.Designation));
    }

    public static Decision Decide(FacilityState state, AdoptProceedsPolicy command, DateTimeOffset now)
    {
        if (!state.Registered) return Decision.Refuse(FacilityNotFound, "The facility is not registered.");
        if (ProceedsPolicy.Validate(command.InmateShareBasisPoints, command.WelfareFundBasisPoints,
                command.MaterialsRecoveryBasisPoints, command.SavingsRateBasisPoints, command.FamilyRemittanceRateBasisPoints) is { } invalid)
            return invalid;

        var policy = new ProceedsPolicy(command.EffectiveFrom, command.InmateShareBasisPoints, command.WelfareFundBasisPoints,
            command.MaterialsRecoveryBasisPoints, command.SavingsRateBasisPoints, command.FamilyRemittanceRateBasisPoints);
        // Sales already made under a dated policy keep it, so a date once used is never redefined.
        if (state.Policies.TryGetValue(command.EffectiveFrom, out var existing))
            return existing == policy ? Decision.Nothing : Decision.Refuse(PolicyAlreadyAdopted, "A different policy is already adopted from this date.");
        return Decision.Accept(new ProceedsPolicyAdopted(state.FacilityId, policy.EffectiveFrom, policy.InmateShareBasisPoints,
            policy.WelfareFundBasisPoints, policy.MaterialsRecoveryBasisPoints, policy.SavingsRateBasisPoints,
            policy.FamilyRemittanceRateBasisPoints));
    }

    public static Decision Decide(FacilityState state, SetComplianceThresholds command, DateTimeOffset now)
    {
        if (!state.Registered) return Decision.Refuse(FacilityNotFound, "The facility is not registered.");
        var c = state.Thresholds;
        var thresholds = new ComplianceThresholds(command.SegregationLimitDays, command.ScreeningDeadlineHours,
            command.RestraintLimitHours ?? c.RestraintLimitHours, command.IncidentReportHours ?? c.IncidentReportHours,
            command.FamilyNotificationHours ?? c.FamilyNotificationHours, command.ChildContactDays ?? c.ChildContactDays,
            command.ComplaintAnswerDays ?? c.ComplaintAnswerDays, command.OvercrowdingDays ?? c.OvercrowdingDays, command.PlanDays ?? c.PlanDays);
        if (new[] { thresholds.SegregationLimitDays, thresholds.ScreeningDeadlineHours, thresholds.RestraintLimitHours,
                thresholds.IncidentReportHours, thresholds.FamilyNotificationHours, thresholds.ChildContactDays,
                thresholds.ComplaintAnswerDays, thresholds.OvercrowdingDays, thresholds.PlanDays }.Any(t => t <= 0))
            return Decision.Refuse(InvalidThreshold, "Thresholds must be positive.");
        if (state.Thresholds == thresholds) return Decision.Nothing;
        return Decision.Accept(new ComplianceThresholdsSet(state.FacilityId, thresholds.SegregationLimitDays, thresholds.ScreeningDeadlineHours,
            thresholds.RestraintLimitHours, thresholds.IncidentReportHours, thresholds.FamilyNotificationHours, thresholds.ChildContactDays,
            thresholds.ComplaintAnswerDays, thresholds.OvercrowdingDays, thresholds.PlanDays));
    }
}
