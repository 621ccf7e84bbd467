namespace SecondChance.Application.Oversight;

/// <summary>
/// Rights-compliance findings at one facility for a period of local dates, judged at JudgedAt on the axes asked for:
/// AsOf (effective: what took effect by EffectiveThrough) and KnownAt (recording: what was recorded by then); null
/// means all. Source is read_model (the present, from the compliance read model) or event_log (time travel).
/// </summary>
public sealed record OversightReport(
    Guid FacilityId,
    string FacilityName,
    string TimeZoneId,
    DateOnly From,
    DateOnly To,
    string? AsOf,
    DateTimeOffset? EffectiveThrough,
    DateTimeOffset? KnownAt,
    DateTimeOffset JudgedAt,
    string Source,
    int SegregationLimitDays,
    int ScreeningDeadlineHours,
    IReadOnlyList<RuleCount> Counts,
    IReadOnlyList<ReportedFinding> Findings);

/// <summary>One inmate's findings, judged at JudgedAt on the axes asked for (see <see cref="OversightReport"/>).</summary>
public sealed record InmateFindings(
    Guid InmateId, string? AsOf, DateTimeOffset? EffectiveThrough, DateTimeOffset? KnownAt, DateTimeOffset JudgedAt, string Source,
    IReadOnlyList<ReportedFinding> Findings);

public sealed record RuleCount(string RuleCode, string Title, string Source, string Summary, int Open, int Closed, int Total);

/// <summary>
/// A finding with its instants in UTC and its dates local to the facility. The inmate's prisoner number and name are
/// filled in by the reader's query (the name only for readers who may see personal data).
/// </summary>
public sealed record ReportedFinding(
    string RuleCode,
    string RuleTitle,
    Guid InmateId,
    Guid FacilityId,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    DateOnly LocalStartDate,
    DateOnly LocalEndDate,
    bool IsOpen,
    string Detail,
    IReadOnlyList<ReportedEvidence> Evidence,
    string? PrisonerNumber = null,
    string? FullName = null,
    bool Confidential = false,
    Guid? WardId = null);

/// <summary>One evidence event: when it was recorded and when the thing it records happened, each also as a local date.</summary>
public sealed record ReportedEvidence(
    string StreamId, long Version, DateTimeOffset RecordedAt, DateOnly LocalRecordedDate, string What, DateTimeOffset? OccurredAt,
    DateOnly? LocalOccurredDate);
