namespace SecondChance.Domain.Inmates;

/// <summary>LabourStartedAt absent: only the delivery instant is known.</summary>
public sealed record RecordLabour(Guid InmateId, DateTimeOffset? LabourStartedAt, DateTimeOffset EndedAt, string RecordedBy);
