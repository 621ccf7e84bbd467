namespace SecondChance.Domain.Inmates;

public sealed record ReportIncidentToAuthority(Guid InmateId, Guid IncidentId, string Authority, string Reference, DateTimeOffset? ReportedAt);
