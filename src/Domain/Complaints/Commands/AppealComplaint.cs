namespace SecondChance.Domain.Complaints;

public sealed record AppealComplaint(Guid InmateId, Guid ComplaintId, string Grounds, DateTimeOffset? At, bool ByOversight = false);
