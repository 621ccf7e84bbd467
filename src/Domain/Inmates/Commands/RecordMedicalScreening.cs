namespace SecondChance.Domain.Inmates;

public sealed record RecordMedicalScreening(
    Guid InmateId, DateTimeOffset? ScreenedAt, string ScreenedBy, string Summary, FemaleEntryScreening? FemaleEntryScreening = null);
