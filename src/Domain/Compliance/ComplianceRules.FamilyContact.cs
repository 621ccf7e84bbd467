using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;

namespace SecondChance.Domain.Compliance;

public static partial class ComplianceRules
{
    /// <summary>Gaps between contacts with a child, from admission to the end of custody (or the evaluation instant).</summary>
    private static void MotherWithoutChildContact(InmateComplianceFacts f, ComplianceThresholds limits, DateTimeOffset admittedAt,
        DateTimeOffset end, bool ended, List<ComplianceFinding> findings)
    {
        if (f.Sex != Sex.Female) return;
        var screening = f.Screenings.Where(s => s.Female is { ChildrenOutside: > 0 }).OrderBy(s => s.At).FirstOrDefault();
        if (screening is null) return;
        var limit = TimeSpan.FromDays(limits.ChildContactDays);
        var contacts = f.FamilyContacts.Where(c => c.Relation == FamilyRelation.Child && c.At <= end).ToList();
        var met = contacts.Where(c => !c.Refused && c.At >= admittedAt).OrderBy(c => c.At).ToList();
        var from = admittedAt;
        Evidence? fromEvidence = f.Admission;
        for (var i = 0; i <= met.Count; i++)
        {
            var last = i == met.Count;
            var to = last ? end : met[i].At;
            if (to - from > limit)
            {
                var gapFrom = from;
                var refused = contacts.Where(c => c.Refused && c.At >= gapFrom && c.At <= to).Select(c => c.Evidence);
                findings.Add(Finding(ComplianceRule.MotherWithoutChildContact, f, from, to, last && !ended,
                    $"no contact with her children for {(to - from).TotalDays:0.#} days; the limit is {limits.ChildContactDays}"
                    + (refused.Any() ? $"; {refused.Count()} visit(s) by a child refused" : ""),
                    new[] { screening.Evidence, fromEvidence }.Concat(refused).Append(last ? null : met[i].Evidence)));
            }
            if (last) break;
            from = met[i].At;
            fromEvidence = met[i].Evidence;
        }
    }
}
