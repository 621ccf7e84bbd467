using SecondChance.Domain.Facilities;

namespace SecondChance.Domain.Compliance;

/// <summary>One stretch of time a ward held the same number of people.</summary>
public sealed record OccupancyStep(DateTimeOffset From, DateTimeOffset To, int Occupancy, int? Capacity);

/// <summary>
/// How many people each ward of a facility held over time, from the inmates' housing spells (a spell ends at the next
/// housing, a transfer or release), and the <c>ward_over_capacity</c> rule over it. Pure.
/// </summary>
public static class WardOccupancy
{
    private sealed record Stay(Guid WardId, DateTimeOffset From, DateTimeOffset To, Evidence Arrival);

    /// <summary>Each ward's occupancy as a step function up to <paramref name="asOf"/>, split where the capacity changes.</summary>
    public static IReadOnlyDictionary<Guid, IReadOnlyList<OccupancyStep>> Steps(FacilityState facility, IEnumerable<InmateComplianceFacts> facts,
        DateTimeOffset asOf) =>
        Stays(facility, facts, asOf).GroupBy(s => s.WardId).ToDictionary(g => g.Key, g => StepsOf(facility, g.Key, g.ToList(), asOf).Select(x => x.Step).ToList()
            as IReadOnlyList<OccupancyStep>);

    /// <summary>
    /// A finding for every run of time a ward held strictly more people than its certified capacity for strictly longer
    /// than the facility limit; it names the ward, the peak and the days, with the arrival that took the ward over.
    /// </summary>
    public static IReadOnlyList<ComplianceFinding> OverCapacity(FacilityState facility, IEnumerable<InmateComplianceFacts> facts, DateTimeOffset asOf)
    {
        var limit = TimeSpan.FromDays(facility.Thresholds.OvercrowdingDays);
        var findings = new List<ComplianceFinding>();
        foreach (var ward in Stays(facility, facts, asOf).GroupBy(s => s.WardId))
        {
            var steps = StepsOf(facility, ward.Key, ward.ToList(), asOf);
            for (var i = 0; i < steps.Count;)
            {
                if (!Over(steps[i].Step)) { i++; continue; }
                var last = i;
                while (last + 1 < steps.Count && Over(steps[last + 1].Step) && steps[last + 1].Step.From == steps[last].Step.To) last++;
                var (start, end) = (steps[i].Step.From, steps[last].Step.To);
                if (end - start > limit)
                {
                    var run = steps.Skip(i).Take(last - i + 1).ToList();
                    var peak = run.Max(s => s.Step.Occupancy);
                    var name = facility.Wards.TryGetValue(ward.Key, out var w) ? w.Name : ward.Key.ToString();
                    findings.Add(new ComplianceFinding(ComplianceRule.WardOverCapacity.Code, Guid.Empty, facility.FacilityId, start, end, end == asOf,
                        $"{name} held up to {peak} against a certified capacity of {run.Min(s => s.Step.Capacity)} for {(end - start).TotalDays:0.##} days; the limit is {facility.Thresholds.OvercrowdingDays}",
                        [steps[i].LastArrival], WardId: ward.Key));
                }
                i = last + 1;
            }
        }
        return findings;
    }

    private static bool Over(OccupancyStep s) => s.Capacity is { } c && s.Occupancy > c;

    private static List<Stay> Stays(FacilityState facility, IEnumerable<InmateComplianceFacts> facts, DateTimeOffset asOf)
    {
        var stays = new List<Stay>();
        foreach (var f in facts)
        {
            var housing = f.Housing.OrderBy(h => h.From).ToList();
            for (var i = 0; i < housing.Count; i++)
            {
                var h = housing[i];
                if (h.FacilityId != facility.FacilityId || h.From >= asOf) continue;
                var ends = new List<DateTimeOffset> { asOf };
                if (i + 1 < housing.Count) ends.Add(housing[i + 1].From);
                if (f.ReleasedAt is { } released && released >= h.From) ends.Add(released);
                ends.AddRange(f.Transfers.Where(t => t >= h.From));
                var to = ends.Min();
                if (to > h.From) stays.Add(new Stay(h.WardId, h.From, to, h.Evidence));
            }
        }
        return stays;
    }

    private static List<(OccupancyStep Step, Evidence LastArrival)> StepsOf(FacilityState facility, Guid wardId, List<Stay> stays, DateTimeOffset asOf)
    {
        var cuts = stays.SelectMany(s => new[] { s.From, s.To })
            .Concat(facility.Capacities.Where(c => c.WardId == wardId && c.EffectiveFrom < asOf).Select(c => c.EffectiveFrom))
            .Where(t => t <= asOf).Distinct().Order().ToList();
        var steps = new List<(OccupancyStep, Evidence)>();
        for (var k = 0; k + 1 < cuts.Count; k++)
        {
            var (from, to) = (cuts[k], cuts[k + 1]);
            var present = stays.Where(s => s.From <= from && s.To > from).ToList();
            if (present.Count == 0) continue;
            steps.Add((new OccupancyStep(from, to, present.Count, facility.CapacityOf(wardId, from)), present.MaxBy(s => s.From)!.Arrival));
        }
        return steps;
    }
}
