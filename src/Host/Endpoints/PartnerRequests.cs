using SecondChance.Domain.Orders;
using SecondChance.Domain.Partners;
using SecondChance.Domain.Programmes;
using SecondChance.Host.Http;

namespace SecondChance.Host.Endpoints;

internal sealed record RegisterPartnerRequest(Guid? PartnerId, string? Name, PartnerKind? Kind, IReadOnlyList<PartnerRole>? Roles, DateTimeOffset? RegisteredAt)
    : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Text(Name, "name");
        e.Required(Kind, "kind");
        if (e.Present(Roles, "roles") && Roles!.Count == 0) e.Add("roles", "A partner has at least one role: SalesChannel, Buyer, StartupMentor.");
    }

    public RegisterPartner ToCommand() => new(PartnerId ?? Guid.Empty, Name!, Kind!.Value, Roles!, RegisteredAt);
}

internal sealed record SignMemorandumRequest(
    Guid? MemorandumId, Guid? FacilityId, string? Scope, DateOnly? StartsOn, DateOnly? EndsOn, string? ContactName, string? ContactDetails,
    DateTimeOffset? SignedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.NotEmpty(FacilityId, "facilityId");
        e.Text(Scope, "scope", FieldErrors.TextLength);
        e.Required(StartsOn, "startsOn");
        e.Required(EndsOn, "endsOn");
        e.Text(ContactName, "contactName");
        e.Text(ContactDetails, "contactDetails");
    }

    public SignMemorandum ToCommand(Guid partnerId) => new(partnerId, MemorandumId ?? Guid.Empty, FacilityId!.Value, Scope!, StartsOn!.Value,
        EndsOn!.Value, ContactName!, ContactDetails!, SignedAt);
}

internal sealed record PlaceOrderRequest(
    Guid? OrderId, Guid? PartnerId, Guid? ProgrammeId, string? Description, Craft? Craft, int? Quantity, long? PricePerItemMinor,
    string? Currency, DateOnly? DeliverBy, string? Reference, DateTimeOffset? PlacedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.NotEmpty(PartnerId, "partnerId");
        e.NotEmpty(ProgrammeId, "programmeId");
        e.Text(Description, "description", FieldErrors.TextLength);
        e.Required(Craft, "craft");
        if (e.Required(Quantity, "quantity") && Quantity is <= 0 or > OrderDecider.MaxQuantity)
            e.Add("quantity", $"An order is for 1 to {OrderDecider.MaxQuantity} items.");
        e.Positive(PricePerItemMinor, "pricePerItemMinor");
        e.Currency(Currency, "currency");
        e.Required(DeliverBy, "deliverBy");
        e.Text(Reference, "reference", required: false);
    }

    public PlaceOrder ToCommand() => new(OrderId ?? Guid.Empty, PartnerId!.Value, ProgrammeId!.Value, Description!, Craft!.Value, Quantity!.Value,
        PricePerItemMinor!.Value, Currency, DeliverBy!.Value, Reference ?? "", PlacedAt);
}

internal sealed record AllocateItemRequest(Guid? ItemId, DateTimeOffset? AllocatedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e) => e.NotEmpty(ItemId, "itemId");

    public AllocateItemToOrder ToCommand(Guid orderId) => new(orderId, ItemId!.Value, AllocatedAt);
}

internal sealed record DeliverOrderRequest(Guid? DeliveryId, IReadOnlyList<Guid>? ItemIds, DateTimeOffset? DeliveredAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        if (!e.Present(ItemIds, "itemIds")) return;
        if (ItemIds!.Count is 0 or > OrderDecider.MaxQuantity) e.Add("itemIds", $"A delivery has 1 to {OrderDecider.MaxQuantity} items.");
        if (ItemIds.Any(i => i == Guid.Empty)) e.Add("itemIds", "An item id cannot be empty.");
    }

    public DeliverOrder ToCommand(Guid orderId) => new(orderId, DeliveryId ?? Guid.Empty, ItemIds!, DeliveredAt);
}

internal sealed record PayForOrderRequest(Guid? PaymentId, long? AmountMinor, string? Currency, DateTimeOffset? PaidAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Positive(AmountMinor, "amountMinor");
        e.Currency(Currency, "currency");
    }

    public PayForOrder ToCommand(Guid orderId) => new(orderId, PaymentId ?? Guid.Empty, AmountMinor!.Value, Currency, PaidAt);
}

internal sealed record CancelOrderRequest(string? Reason, DateTimeOffset? CancelledAt) : IValidatableRequest
{
    public void Validate(FieldErrors e) => e.Text(Reason, "reason", FieldErrors.TextLength);

    public CancelOrder ToCommand(Guid orderId) => new(orderId, Reason!, CancelledAt);
}
