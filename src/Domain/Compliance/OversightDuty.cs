namespace SecondChance.Domain.Compliance;

/// <summary>Who must be told of a finding, and by when: the duty a finding opens, and the notice that discharges it.</summary>
public sealed record OversightNotice(
    Guid NoticeId,
    string RuleCode,
    Guid InmateId,
    Guid FacilityId,
    DateTimeOffset OpenedAt,
    string Recipient,
    DateTimeOffset DueBy,
    string Detail);

/// <summary>
/// The oversight duty of each rule. Breaches of separation, segregation and restraint limits and unreported or
/// uninvestigated deaths and injuries go to the superintendent and the inspecting judge at once (Nelson Mandela Rules
/// 46, 71 and 83-85: the authority that must act, and independent inspection); a missed screening to the senior medical officer; savings, release preparation and a mother's contact
/// with her children to the welfare officer, within a week; unanswered complaints and possible reprisals to the oversight
/// body's complaints desk. Pure: the same finding always gives the same notice, with the same id.
/// </summary>
public static class OversightDuty
{
    private static readonly Guid Namespace = new("5d8f3c1e-7a2b-4c6d-9e0f-1a2b3c4d5e6f");

    public const string SuperintendentAndInspectingJudge = "Superintendent and inspecting judge";
    public const string SeniorMedicalOfficer = "Senior medical officer";
    public const string WelfareOfficer = "Welfare officer";
    public const string OversightComplaintsDesk = "Oversight body (complaints)";

    public static (string Recipient, TimeSpan Within) For(string ruleCode) => ruleCode switch
    {
        "prolonged_segregation" or "segregation_of_protected_person" or "juvenile_with_adults" or "sexes_not_separated"
            or "untried_with_convicted" or "ward_over_capacity" or "prohibited_instrument" or "restraint_as_punishment" or "prolonged_restraint"
            or "restraint_of_woman_in_labour" or "custody_death_not_reported" or "family_not_notified" or "investigation_open"
            => (SuperintendentAndInspectingJudge, TimeSpan.FromHours(24)),
        "screening_missed" => (SeniorMedicalOfficer, TimeSpan.FromHours(24)),
        // never the facility: the complaint may be confidential, and a reprisal is the facility's own doing
        "complaint_unanswered" => (OversightComplaintsDesk, TimeSpan.FromDays(7)),
        "possible_reprisal" => (OversightComplaintsDesk, TimeSpan.FromHours(24)),
        _ => (WelfareOfficer, TimeSpan.FromDays(7)),
    };

    /// <summary>The notice a finding calls for; its id names the breach (rule, inmate, when it began), so it is sent once.</summary>
    public static OversightNotice NoticeOf(ComplianceFinding finding)
    {
        var (recipient, within) = For(finding.RuleCode);
        var opened = finding.PeriodStart.ToUniversalTime();
        // a ward's finding has no inmate: the ward names it
        var id = DeterministicGuid.Create(Namespace, $"{finding.RuleCode}|{finding.InmateId:N}|{opened:O}" + (finding.WardId is { } w ? $"|{w:N}" : ""));
        return new OversightNotice(id, finding.RuleCode, finding.InmateId, finding.FacilityId, opened, recipient, opened + within, finding.Detail);
    }
}
