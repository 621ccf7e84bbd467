using SecondChance.Domain.Ventures;

namespace SecondChance.Projections.ReadModels.Timeline;

/// <summary>
/// A venture on each founder's timeline, from its proposal to its closure, during custody and after release. Only the
/// proposal names the founders; the projection remembers them for the venture's later events.
/// </summary>
internal static class VentureTimeline
{
    /// <summary>The venture an event is about, for the events that do not name its founders.</summary>
    public static Guid? VentureOf(object e) => e switch
    {
        VentureApproved x => x.VentureId,
        VentureDeclined x => x.VentureId,
        SeedGrantAwarded x => x.VentureId,
        VentureMilestoneReached x => x.VentureId,
        VentureRepaid x => x.VentureId,
        VentureClosed x => x.VentureId,
        _ => null,
    };

    public static IEnumerable<TimelineLine> Describe(object e, TimelineNames names, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> founders)
    {
        if (e is VentureProposed p)
            return p.Founders.Select(f => Line(f.InmateId, p.ProposedAt,
                $"Proposed the venture {p.Name} ({p.Kind}), mentored by {p.MentorOrganisation}, qualified by certificate {f.CertificateNumber}",
                ("venture", p.Name), ("kind", p.Kind.ToString()), ("organisation", p.MentorOrganisation), ("certificate", f.CertificateNumber)));
        if (VentureOf(e) is not { } id || !founders.TryGetValue(id, out var inmates)) return [];
        var venture = names.Venture(id);
        (DateTimeOffset At, string Summary, (string, object?)[] Parts) line = e switch
        {
            VentureApproved a => (a.ApprovedAt, $"Venture {venture} approved by {a.By}", [("venture", venture), ("by", a.By)]),
            VentureDeclined d => (d.DeclinedAt, $"Venture {venture} declined: {d.Reason}", [("venture", venture), ("reason", d.Reason)]),
            SeedGrantAwarded g => (g.AwardedAt, $"Venture {venture} awarded a seed grant of {Domain.Money.Format(g.AmountMinor, g.Currency)}",
                [("venture", venture), ("amountMinor", g.AmountMinor), ("currency", g.Currency)]),
            VentureMilestoneReached m => (m.ReachedAt, $"Venture {venture} reached a milestone: {Milestone(m.Milestone)}",
                [("venture", venture), ("milestone", m.Milestone.ToString())]),
            VentureRepaid r => (r.RepaidAt, r.Kind == RepaymentKind.Repayment
                    ? $"Venture {venture} repaid {Domain.Money.Format(r.AmountMinor, r.Currency)} of its seed grant"
                    : $"Venture {venture} shared {Domain.Money.Format(r.AmountMinor, r.Currency)} of its profit with the venture fund",
                [("venture", venture), ("kind", r.Kind.ToString()), ("amountMinor", r.AmountMinor), ("currency", r.Currency)]),
            VentureClosed c => (c.ClosedAt, $"Venture {venture} closed: {c.Reason}", [("venture", venture), ("reason", c.Reason)]),
            _ => throw new InvalidOperationException($"{e.GetType().Name} is not a venture step."),
        };
        return inmates.Select(i => Line(i, line.At, line.Summary, line.Parts));
    }

    private static string Milestone(VentureMilestone m) => m switch
    {
        VentureMilestone.Registered => "registered",
        VentureMilestone.FirstSale => "first sale",
        _ => "first month profitable",
    };

    private static TimelineLine Line(Guid inmate, DateTimeOffset at, string summary, params (string Key, object? Value)[] parts) =>
        new(inmate, at, summary, parts.ToDictionary(p => p.Key, p => p.Value));
}
