using SecondChance.Domain.Programmes;

namespace SecondChance.Domain.Orders;

public sealed record PlaceOrder(
    Guid OrderId, Guid PartnerId, Guid ProgrammeId, string Description, Craft Craft, int Quantity, long PricePerItemMinor,
    string? Currency, DateOnly DeliverBy, string Reference, DateTimeOffset? PlacedAt);
