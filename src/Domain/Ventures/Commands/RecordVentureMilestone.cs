namespace SecondChance.Domain.Ventures;

public sealed record RecordVentureMilestone(Guid FacilityId, Guid VentureId, VentureMilestone Milestone, DateTimeOffset? ReachedAt);
