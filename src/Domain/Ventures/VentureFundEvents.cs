namespace SecondChance.Domain.Ventures;

/// <summary>Money into a facility's venture fund: an allocation or a donation, with where it came from.</summary>
public sealed record VentureFundCredited(Guid FacilityId, Guid PostingId, long AmountMinor, string Currency, string Source, DateTimeOffset CreditedAt);

public sealed record SeedGrantPaidOut(Guid FacilityId, Guid PostingId, Guid VentureId, long AmountMinor, string Currency, DateTimeOffset PaidAt);

public sealed record VentureRepaymentReceived(
    Guid FacilityId, Guid PostingId, Guid VentureId, RepaymentKind Kind, long AmountMinor, string Currency, DateTimeOffset ReceivedAt);
