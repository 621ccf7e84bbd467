namespace SecondChance.Domain.Inmates;

public sealed record TransferInmate(Guid InmateId, Guid ToFacilityId, string PrisonerNumber, DateTimeOffset? TransferredAt);
