using System.Collections.Immutable;

namespace SecondChance.Domain.Facilities;

public sealed record FacilityState(
    bool Registered,
    Guid FacilityId,
    string Name,
    string Code,
    string TimeZoneId,
    bool SeparatesUntriedFromConvicted,
    ImmutableDictionary<Guid, Ward> Wards,
    ImmutableSortedDictionary<DateOnly, ProceedsPolicy> Policies,
    ComplianceThresholds Thresholds,
    string Currency)
{
    public static FacilityState Initial { get; } = new(
        false, Guid.Empty, "", "", "", false,
        ImmutableDictionary<Guid, Ward>.Empty,
        ImmutableSortedDictionary<DateOnly, ProceedsPolicy>.Empty,
        ComplianceThresholds.Default,
        Money.Pkr);

    /// <summary>Every certified capacity of every ward, in the order they take effect.</summary>
    public ImmutableList<WardCapacity> Capacities { get; init; } = [];

    /// <summary>The ward's certified capacity at an instant; null before any was certified.</summary>
    public int? CapacityOf(Guid wardId, DateTimeOffset at) =>
        Capacities.LastOrDefault(c => c.WardId == wardId && c.EffectiveFrom <= at)?.Capacity;

    public ProceedsPolicy? PolicyInForce(DateOnly on) =>
        Policies.Values.LastOrDefault(p => p.EffectiveFrom <= on);

    public DateOnly LocalDate(DateTimeOffset at) => DomainTime.LocalDate(at, TimeZoneId);

    public static FacilityState Evolve(FacilityState state, object @event) => @event switch
    {
        FacilityRegistered e => state with
        {
            Registered = true,
            FacilityId = e.FacilityId,
            Name = e.Name,
            Code = e.Code,
            TimeZoneId = e.TimeZoneId,
            SeparatesUntriedFromConvicted = e.SeparatesUntriedFromConvicted,
            Currency = e.Currency,
        },
        WardAdded e => state with { Wards = state.Wards.SetItem(e.WardId, new Ward(e.WardId, e.Name, e.Category, e.Designation)) },
        ProceedsPolicyAdopted e => state with
        {
            Policies = state.Policies.SetItem(e.EffectiveFrom, new ProceedsPolicy(
                e.EffectiveFrom, e.InmateShareBasisPoints, e.WelfareFundBasisPoints, e.MaterialsRecoveryBasisPoints,
                e.SavingsRateBasisPoints, e.FamilyRemittanceRateBasisPoints)),
        },
        ComplianceThresholdsSet e => state with
        {
            Thresholds = new ComplianceThresholds(e.SegregationLimitDays, e.ScreeningDeadlineHours,
                e.RestraintLimitHours ?? ComplianceThresholds.Default.RestraintLimitHours, e.IncidentReportHours ?? ComplianceThresholds.Default.IncidentReportHours,
                e.FamilyNotificationHours ?? ComplianceThresholds.Default.FamilyNotificationHours, e.ChildContactDays ?? ComplianceThresholds.Default.ChildContactDays,
                e.ComplaintAnswerDays ?? ComplianceThresholds.Default.ComplaintAnswerDays, e.OvercrowdingDays ?? ComplianceThresholds.Default.OvercrowdingDays,
                e.PlanDays ?? ComplianceThresholds.Default.PlanDays),
        },
        WardCapacityCertified e => state with
        {
            Capacities = state.Capacities.Add(new WardCapacity(e.WardId, e.Capacity, e.EffectiveFrom))
                .Sort((a, b) => a.EffectiveFrom.CompareTo(b.EffectiveFrom)),
        },
        _ => state,
    };
}
