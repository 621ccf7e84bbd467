namespace SecondChance.Domain.Complaints;

public sealed record DiscloseComplaint(Guid InmateId, Guid ComplaintId, string By, string Reason, DateTimeOffset? At, bool ByOversight = false);
