using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;

namespace SecondChance.Domain.Compliance;

public static partial class ComplianceRules
{
    public static readonly TimeSpan InvestigationLimit = TimeSpan.FromDays(180);

    private static void Incidents(InmateComplianceFacts f, ComplianceThresholds limits, DateTimeOffset asOf, List<ComplianceFinding> findings)
    {
        foreach (var i in f.Incidents)
        {
            var what = i.Kind switch
            {
                CustodyIncidentKind.Death => "death",
                CustodyIncidentKind.SeriousInjury => "serious injury",
                _ => "disappearance",
            };
            Deadline(ComplianceRule.CustodyDeathNotReported, f, i, i.Report, TimeSpan.FromHours(limits.IncidentReportHours), asOf, findings,
                $"{limits.IncidentReportHours} hours", late => $"the {what} was reported to an independent authority {late}",
                $"the {what} has not been reported to an independent authority");
            Deadline(ComplianceRule.FamilyNotNotified, f, i, i.FamilyNotice, TimeSpan.FromHours(limits.FamilyNotificationHours), asOf, findings,
                $"{limits.FamilyNotificationHours} hours", late => $"the family was notified of the {what} {late}",
                $"the family has not been notified of the {what}");
            Deadline(ComplianceRule.InvestigationOpen, f, i, i.Conclusion, InvestigationLimit, asOf, findings,
                "180 days", late => $"the investigation of the {what} concluded {late}",
                i.InvestigationOpened is null ? $"no investigation of the {what} has been opened or concluded" : $"the investigation of the {what} has not concluded",
                i.InvestigationOpened);
        }
    }

    /// <summary>A follow-up due within <paramref name="limit"/> of the incident: late is a closed finding, missing an open one once the limit has passed.</summary>
    private static void Deadline(ComplianceRule rule, InmateComplianceFacts f, IncidentFacts i, Evidence? done, TimeSpan limit, DateTimeOffset asOf,
        List<ComplianceFinding> findings, string limitText, Func<string, string> lateDetail, string missingDetail, Evidence? step = null)
    {
        var due = i.OccurredAt + limit;
        var doneAt = done?.OccurredAt ?? done?.RecordedAt;
        if (doneAt is { } at)
        {
            if (at > due)
                findings.Add(Finding(rule, f, i.OccurredAt, at, false,
                    lateDetail($"{Elapsed(at - i.OccurredAt)} after it happened; the limit is {limitText}"), [i.Evidence, step, done]));
        }
        else if (asOf > due)
            findings.Add(Finding(rule, f, i.OccurredAt, asOf, true,
                $"{missingDetail}; it was due within {limitText}", [i.Evidence, step]));
    }

    private static string Elapsed(TimeSpan span) => span.TotalHours < 72 ? $"{span.TotalHours:0.#} hours" : $"{span.TotalDays:0.#} days";
}
