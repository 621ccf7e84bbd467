namespace SecondChance.Domain.Complaints;

/// <summary>
/// A complaint about an inmate's treatment, lodged by the inmate, a family member or a lawyer. One addressed to the
/// oversight body is confidential: facility staff learn that it exists only once oversight discloses it, and never its
/// account or who lodged it (<see cref="ComplaintsState.IsConfidential"/>).
/// </summary>
public sealed record ComplaintLodged(
    Guid ComplaintId,
    Guid InmateId,
    Guid FacilityId,
    ComplaintChannel Channel,
    ComplainantKind Complainant,
    string ComplainantName,
    ComplaintCategory Category,
    bool AboutStaff,
    string Account,
    string RecordedBy,
    DateTimeOffset LodgedAt);

public sealed record ComplaintAcknowledged(Guid ComplaintId, Guid InmateId, string By, DateTimeOffset AcknowledgedAt);

public sealed record ComplaintInvestigationOpened(Guid ComplaintId, Guid InmateId, string Investigator, DateTimeOffset OpenedAt);

public sealed record ComplaintDecided(Guid ComplaintId, Guid InmateId, ComplaintOutcome Outcome, string? Remedy, string By, DateTimeOffset DecidedAt);

public sealed record ComplaintAppealed(Guid ComplaintId, Guid InmateId, string Grounds, DateTimeOffset AppealedAt);

/// <summary>Oversight tells the facility that a confidential complaint exists (never its account or author).</summary>
public sealed record ComplaintDisclosed(Guid ComplaintId, Guid InmateId, string By, string Reason, DateTimeOffset DisclosedAt);

public enum ComplaintChannel
{
    /// <summary>Lodged with facility staff, who record it.</summary>
    ThroughStaff,
    /// <summary>Sent straight to the oversight body: confidential.</summary>
    ToOversight,
}

public enum ComplainantKind
{
    Inmate,
    FamilyMember,
    Lawyer,
}

public enum ComplaintCategory
{
    Treatment,
    Extortion,
    Health,
    Food,
    Visits,
    Property,
    Other,
}

public enum ComplaintOutcome
{
    Upheld,
    NotUpheld,
}

public enum ComplaintStage
{
    Lodged,
    Acknowledged,
    Investigated,
    Decided,
    Appealed,
}
