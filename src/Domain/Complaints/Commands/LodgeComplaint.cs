namespace SecondChance.Domain.Complaints;

/// <param name="Channel">Who receives it: staff record <see cref="ComplaintChannel.ThroughStaff"/> only; oversight either.</param>
public sealed record LodgeComplaint(
    Guid ComplaintId,
    Guid InmateId,
    ComplaintChannel Channel,
    ComplainantKind Complainant,
    string ComplainantName,
    ComplaintCategory Category,
    bool AboutStaff,
    string Account,
    string RecordedBy,
    DateTimeOffset? LodgedAt, bool ByOversight = false);
