using SecondChance.Domain;
using SecondChance.Domain.Items;
using SecondChance.Domain.Programmes;
using SecondChance.Host.Http;

namespace SecondChance.Host.Endpoints;

internal sealed record MakerWorkRequest(Guid? InmateId, int? MinutesWorked);

internal sealed record ProduceItemRequest(
    Guid? ItemId, Guid? FacilityId, Guid? ProgrammeId, string? Description, Craft? Craft, IReadOnlyList<MakerWorkRequest>? Makers,
    long? MaterialsCostMinor, string? Currency, DateTimeOffset? ProducedAt) : IValidatableRequest
{
    public const int MaxMakers = 50;

    public void Validate(FieldErrors e)
    {
        e.NotEmpty(FacilityId, "facilityId");
        e.NotEmpty(ProgrammeId, "programmeId");
        e.Text(Description, "description", FieldErrors.TextLength);
        e.Required(Craft, "craft");
        e.NotNegative(MaterialsCostMinor, "materialsCostMinor");
        e.Currency(Currency, "currency");
        if (!e.Present(Makers, "makers")) return;
        if (Makers!.Count is 0 or > MaxMakers) e.Add("makers", $"An item has 1 to {MaxMakers} makers.");
        for (var i = 0; i < Makers.Count; i++)
        {
            if (Makers[i] is not { } m) { e.Add($"makers[{i}]", "A maker is required."); continue; }
            e.NotEmpty(m.InmateId, $"makers[{i}].inmateId");
            e.Positive(m.MinutesWorked, $"makers[{i}].minutesWorked");
        }
    }

    public ProduceItem ToCommand() => new(ItemId ?? Guid.Empty, FacilityId!.Value, ProgrammeId!.Value, Description!, Craft!.Value,
        Makers!.Select(m => new MakerWork(m.InmateId!.Value, m.MinutesWorked!.Value)).ToList(), MaterialsCostMinor!.Value,
        Currency ?? Money.Pkr, ProducedAt);
}

internal sealed record ListItemRequest(long? PriceMinor, string? Currency, DateTimeOffset? ListedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Positive(PriceMinor, "priceMinor");
        e.Currency(Currency, "currency");
    }

    public ListItem ToCommand(Guid itemId) => new(itemId, PriceMinor!.Value, Currency ?? Money.Pkr, ListedAt);
}

internal sealed record ShowItemRequest(SaleChannel? Channel, string? Venue, DateTimeOffset? ShownAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Required(Channel, "channel");
        e.Text(Venue, "venue");
    }

    public ShowItem ToCommand(Guid itemId) => new(itemId, Channel!.Value, Venue!, ShownAt);
}

internal sealed record SellItemRequest(
    Guid? SaleId, long? PriceMinor, string? Currency, SaleChannel? Channel, string? BuyerReference, DateTimeOffset? SoldAt, Guid? PartnerId = null)
    : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Positive(PriceMinor, "priceMinor");
        e.Currency(Currency, "currency");
        e.Required(Channel, "channel");
        e.Text(BuyerReference, "buyerReference", required: false);
        if (PartnerId == Guid.Empty) e.Add("partnerId", "The partner id cannot be empty.");
    }

    public SellItem ToCommand(Guid itemId) =>
        new(itemId, SaleId ?? Guid.Empty, PriceMinor!.Value, Currency, Channel!.Value, BuyerReference ?? "", SoldAt, PartnerId);
}

internal sealed record WithdrawItemRequest(string? Reason, DateTimeOffset? WithdrawnAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Text(Reason, "reason", FieldErrors.TextLength);
    }
}

internal sealed record ReturnItemRequest(Guid? SaleId, string? Reason, DateTimeOffset? ReturnedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.NotEmpty(SaleId, "saleId");
        e.Text(Reason, "reason", FieldErrors.TextLength);
    }
}
