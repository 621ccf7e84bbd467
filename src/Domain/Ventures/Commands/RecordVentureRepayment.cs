namespace SecondChance.Domain.Ventures;

public sealed record RecordVentureRepayment(
    Guid FacilityId, Guid VentureId, Guid PostingId, RepaymentKind Kind, long AmountMinor, string? Currency, DateTimeOffset? RepaidAt);
