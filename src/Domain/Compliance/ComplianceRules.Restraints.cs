using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;

namespace SecondChance.Domain.Compliance;

public static partial class ComplianceRules
{
    private static void Restraints(InmateComplianceFacts f, ComplianceThresholds limits, DateTimeOffset asOf, List<ComplianceFinding> findings)
    {
        var limit = TimeSpan.FromHours(limits.RestraintLimitHours);
        foreach (var r in f.Restraints)
        {
            var stop = r.End ?? asOf;
            var open = r.End is null;
            Evidence?[] evidence = [r.StartEvidence, r.EndEvidence];
            if (r.Instrument is RestraintInstrument.Chains or RestraintInstrument.LegIrons or RestraintInstrument.Fetters)
                findings.Add(Finding(ComplianceRule.ProhibitedInstrument, f, r.Start, stop, open,
                    $"{Describe(r.Instrument)} used", evidence));
            if (r.Reason == RestraintReason.Discipline)
                findings.Add(Finding(ComplianceRule.RestraintAsPunishment, f, r.Start, stop, open,
                    $"{Describe(r.Instrument)} used as discipline", evidence));
            if (stop - r.Start > limit)
                findings.Add(Finding(ComplianceRule.ProlongedRestraint, f, r.Start, stop, open,
                    $"restrained {(stop - r.Start).TotalHours:0.##} hours; the limit is {limits.RestraintLimitHours}", evidence));
            foreach (var labour in f.Labours.Where(l => r.Start <= l.End && stop >= l.Start))
                findings.Add(Finding(ComplianceRule.RestraintOfWomanInLabour, f, r.Start > labour.Start ? r.Start : labour.Start,
                    stop < labour.End ? stop : labour.End, false, $"{Describe(r.Instrument)} used during labour or delivery",
                    [labour.Evidence, r.StartEvidence, r.EndEvidence]));
        }
    }

    private static string Describe(RestraintInstrument instrument) => instrument switch
    {
        RestraintInstrument.LegIrons => "leg irons",
        RestraintInstrument.BodyBelt => "a body belt",
        RestraintInstrument.Other => "restraints",
        _ => instrument.ToString().ToLowerInvariant(),
    };
}
