namespace SecondChance.Domain.Complaints;

public sealed record AcknowledgeComplaint(Guid InmateId, Guid ComplaintId, string By, DateTimeOffset? At, bool ByOversight = false);
