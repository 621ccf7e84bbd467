using System.Collections.Immutable;

namespace SecondChance.Domain.Complaints;

public sealed record Complaint(
    Guid Id,
    Guid FacilityId,
    ComplaintChannel Channel,
    ComplaintCategory Category,
    bool AboutStaff,
    ComplaintStage Stage,
    DateTimeOffset LodgedAt,
    DateTimeOffset LastStepAt,
    bool Disclosed)
{
    /// <summary>Addressed to oversight and not disclosed: only oversight may learn that it exists.</summary>
    public bool Hidden => Channel == ComplaintChannel.ToOversight && !Disclosed;
}

/// <summary>Every complaint about one inmate, in the order lodged (stream <c>complaints-{inmateId}</c>).</summary>
public sealed record ComplaintsState(Guid InmateId, ImmutableDictionary<Guid, Complaint> Complaints, long Version)
{
    public static readonly ComplaintsState Initial = new(Guid.Empty, ImmutableDictionary<Guid, Complaint>.Empty, 0);

    public static bool IsConfidential(ComplaintChannel channel) => channel == ComplaintChannel.ToOversight;

    public Complaint? Find(Guid id) => Complaints.GetValueOrDefault(id);

    public static ComplaintsState Evolve(ComplaintsState s, object e) => e switch
    {
        ComplaintLodged l => s with
        {
            InmateId = l.InmateId, Version = s.Version + 1,
            Complaints = s.Complaints.SetItem(l.ComplaintId,
                new(l.ComplaintId, l.FacilityId, l.Channel, l.Category, l.AboutStaff, ComplaintStage.Lodged, l.LodgedAt, l.LodgedAt, false)),
        },
        ComplaintAcknowledged a => Step(s, a.ComplaintId, c => c with { Stage = ComplaintStage.Acknowledged, LastStepAt = a.AcknowledgedAt }),
        ComplaintInvestigationOpened o => Step(s, o.ComplaintId, c => c with { Stage = ComplaintStage.Investigated, LastStepAt = o.OpenedAt }),
        ComplaintDecided d => Step(s, d.ComplaintId, c => c with { Stage = ComplaintStage.Decided, LastStepAt = d.DecidedAt }),
        ComplaintAppealed a => Step(s, a.ComplaintId, c => c with { Stage = ComplaintStage.Appealed, LastStepAt = a.AppealedAt }),
        ComplaintDisclosed d => Step(s, d.ComplaintId, c => c with { Disclosed = true }),
        _ => s,
    };

    private static ComplaintsState Step(ComplaintsState s, Guid id, Func<Complaint, Complaint> change) =>
        s.Complaints.TryGetValue(id, out var c) ? s with { Complaints = s.Complaints.SetItem(id, change(c)), Version = s.Version + 1 } : s;
}
