namespace SecondChance.Domain.Inmates;

/// <summary>Sole event of a prisoner-number reservation stream; the stream existing means the number is taken.</summary>
public sealed record PrisonerNumberReserved(Guid FacilityId, string PrisonerNumber, Guid InmateId);
