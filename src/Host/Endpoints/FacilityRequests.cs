using SecondChance.Domain;
using SecondChance.Domain.Facilities;
using SecondChance.Host.Http;

namespace SecondChance.Host.Endpoints;

internal sealed record RegisterFacilityRequest(
    Guid? FacilityId, string? Name, string? Code, string? TimeZoneId, bool? SeparatesUntriedFromConvicted, string? Currency) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Text(Name, "name");
        e.Text(Code, "code", 50);
        e.Text(TimeZoneId, "timeZoneId", 100);
        if (TimeZoneId is { Length: > 0 } && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _))
            e.Add("timeZoneId", "The time zone is not a known IANA zone such as Asia/Karachi.");
        e.Currency(Currency, "currency");
    }

    public RegisterFacility ToCommand() =>
        new(FacilityId ?? Guid.Empty, Name!, Code!, TimeZoneId!, SeparatesUntriedFromConvicted ?? false, Currency ?? Money.Pkr);
}

internal sealed record AddWardRequest(Guid? WardId, string? Name, WardCategory? Category, WardDesignation? Designation) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Text(Name, "name");
        e.Required(Category, "category");
    }

    public AddWard ToCommand(Guid facilityId) =>
        new(facilityId, WardId ?? Guid.Empty, Name!, Category!.Value, Designation ?? WardDesignation.Mixed);
}

internal sealed record AdoptProceedsPolicyRequest(
    DateOnly? EffectiveFrom, int? InmateShareBasisPoints, int? WelfareFundBasisPoints, int? MaterialsRecoveryBasisPoints,
    int? SavingsRateBasisPoints, int? FamilyRemittanceRateBasisPoints) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Required(EffectiveFrom, "effectiveFrom");
        BasisPoints(e, InmateShareBasisPoints, "inmateShareBasisPoints", true);
        BasisPoints(e, WelfareFundBasisPoints, "welfareFundBasisPoints", true);
        BasisPoints(e, MaterialsRecoveryBasisPoints, "materialsRecoveryBasisPoints", true);
        BasisPoints(e, SavingsRateBasisPoints, "savingsRateBasisPoints", true);
        BasisPoints(e, FamilyRemittanceRateBasisPoints, "familyRemittanceRateBasisPoints", false);
    }

    private static void BasisPoints(FieldErrors e, int? value, string field, bool required)
    {
        if (value is null) { if (required) e.Required(value, field); return; }
        if (value is < 0 or > ProceedsPolicy.Whole) e.Add(field, "Basis points run from 0 to 10000.");
    }

    public AdoptProceedsPolicy ToCommand(Guid facilityId) => new(facilityId, EffectiveFrom!.Value, InmateShareBasisPoints!.Value,
        WelfareFundBasisPoints!.Value, MaterialsRecoveryBasisPoints!.Value, SavingsRateBasisPoints!.Value, FamilyRemittanceRateBasisPoints ?? 0);
}

/// <param name="RestraintLimitHours">Longest restraint spell before prolonged_restraint (default 4); absent keeps the current limit.</param>
/// <param name="IncidentReportHours">Hours to report a death, serious injury or disappearance to the independent authority (default 24).</param>
/// <param name="FamilyNotificationHours">Hours to notify the family of a death, serious injury or disappearance (default 24).</param>
/// <param name="ChildContactDays">Longest time a mother may go without contact with her children (default 30).</param>
/// <param name="ComplaintAnswerDays">Days to decide a complaint (default 30).</param>
/// <param name="OvercrowdingDays">Days a ward may stay over its certified capacity (default 7).</param>
/// <param name="PlanDays">Days after conviction by which a rehabilitation plan is due (default 30).</param>
internal sealed record SetComplianceThresholdsRequest(int? SegregationLimitDays, int? ScreeningDeadlineHours, int? RestraintLimitHours = null,
    int? IncidentReportHours = null, int? FamilyNotificationHours = null, int? ChildContactDays = null, int? ComplaintAnswerDays = null,
    int? OvercrowdingDays = null, int? PlanDays = null) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Positive(SegregationLimitDays, "segregationLimitDays");
        e.Positive(ScreeningDeadlineHours, "screeningDeadlineHours");
        if (RestraintLimitHours is not null) e.Positive(RestraintLimitHours, "restraintLimitHours");
        if (IncidentReportHours is not null) e.Positive(IncidentReportHours, "incidentReportHours");
        if (FamilyNotificationHours is not null) e.Positive(FamilyNotificationHours, "familyNotificationHours");
        if (ChildContactDays is not null) e.Positive(ChildContactDays, "childContactDays");
        if (ComplaintAnswerDays is not null) e.Positive(ComplaintAnswerDays, "complaintAnswerDays");
        if (OvercrowdingDays is not null) e.Positive(OvercrowdingDays, "overcrowdingDays");
        if (PlanDays is not null) e.Positive(PlanDays, "planDays");
    }

    public SetComplianceThresholds ToCommand(Guid facilityId) => new(facilityId, SegregationLimitDays!.Value, ScreeningDeadlineHours!.Value,
        RestraintLimitHours, IncidentReportHours, FamilyNotificationHours, ChildContactDays, ComplaintAnswerDays, OvercrowdingDays, PlanDays);
}

internal sealed record CertifyWardCapacityRequest(int? Capacity, string? CertifiedBy, DateTimeOffset? EffectiveFrom) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Positive(Capacity, "capacity");
        e.Text(CertifiedBy, "certifiedBy");
    }

    public CertifyWardCapacity ToCommand(Guid facilityId, Guid wardId) => new(facilityId, wardId, Capacity!.Value, CertifiedBy!, EffectiveFrom);
}
