using SecondChance.Domain.Inmates;
using SecondChance.Domain.Items;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Tests.Support;
using static SecondChance.Domain.Tests.Support.F;
using static SecondChance.Domain.Tests.Support.Spec;

namespace SecondChance.Domain.Tests;

public class ItemSpecs
{
    private static readonly ProgrammeState Painting = GivenProgramme(ProgrammeOpened()).State;
    private static readonly DateTimeOffset At = Now.AddHours(-1);

    private static readonly ProduceItem Produce = new(ItemId, FacilityId, ProgrammeId, "Hand-painted truck-art kettle", Craft.Painting,
        [new MakerWork(InmateId, 600)], 40_000, "PKR", Now.AddDays(-20));

    private static Dictionary<Guid, InmateState> Makers(params object[] extra) =>
        new() { [InmateId] = GivenInmate([Admitted(), Enrolled(), .. extra]).State };

    private static Then Producing(ProduceItem command, Dictionary<Guid, InmateState>? makers = null, ProgrammeState? programme = null) =>
        GivenItem().When(i => ItemDecider.Decide(i, programme ?? Painting, makers ?? Makers(), command, Now));

    [Fact]
    public void Item_is_produced_by_its_makers_with_their_hours() => Producing(Produce).ThenEmits(Produced());

    [Fact]
    public void Producing_the_same_item_again_changes_nothing() =>
        GivenItem(Produced()).When(i => ItemDecider.Decide(i, Painting, Makers(), Produce, Now)).ThenNothing();

    [Fact]
    public void Item_id_already_used_for_another_item_is_refused() =>
        GivenItem(Produced() with { ItemId = Id(399) }).When(i => ItemDecider.Decide(i, Painting, Makers(), Produce, Now))
            .ThenRefused(RefusalCodes.ItemAlreadyProduced);

    [Fact]
    public void Maker_hours_must_be_positive() =>
        Producing(Produce with { Makers = [new MakerWork(InmateId, 0)] }).ThenRefused(RefusalCodes.InvalidHours);

    [Fact]
    public void Materials_cost_cannot_be_negative() =>
        Producing(Produce with { MaterialsCostMinor = -1 }).ThenRefused(RefusalCodes.InvalidAmount);

    [Fact]
    public void Currency_must_be_an_iso_code() => Producing(Produce with { Currency = "rupees" }).ThenRefused(RefusalCodes.InvalidCurrency);

    [Fact]
    public void Item_needs_an_existing_programme() =>
        Producing(Produce, programme: ProgrammeState.Initial).ThenRefused(RefusalCodes.ProgrammeNotFound);

    [Fact]
    public void Item_programme_must_run_at_the_item_facility() =>
        Producing(Produce with { FacilityId = OtherFacilityId }).ThenRefused(RefusalCodes.ProgrammeAtAnotherFacility);

    [Fact]
    public void No_item_by_a_released_inmate() =>
        Producing(Produce, Makers(new InmateReleased(InmateId, FacilityId, At, "Bail"))).ThenRefused(RefusalCodes.InmateIsReleased);

    [Fact]
    public void No_item_by_an_inmate_not_admitted() =>
        Producing(Produce, new Dictionary<Guid, InmateState>()).ThenRefused(RefusalCodes.InmateNotFound);

    [Fact]
    public void No_item_by_an_inmate_outside_the_programme() =>
        Producing(Produce, new() { [InmateId] = GivenInmate(Admitted()).State }).ThenRefused(RefusalCodes.MakerNotEligible);

    [Fact]
    public void No_item_made_before_its_maker_was_admitted() =>
        Producing(Produce with { ProducedAt = AdmittedAt.AddDays(-1) }).ThenRefused(RefusalCodes.BeforeAdmission);

    [Fact]
    public void Item_produced_without_a_time_is_produced_now() =>
        Producing(Produce with { ProducedAt = null }).ThenEmits(Produced() with { ProducedAt = Now });

    [Fact]
    public void Item_cannot_be_listed_before_it_was_made() =>
        GivenItem(Produced()).When(i => ItemDecider.Decide(i, new ListItem(ItemId, 250_000, "PKR", Produced().ProducedAt.AddDays(-1)), Now))
            .ThenRefused(RefusalCodes.BeforeProduction);

    [Fact]
    public void Item_is_priced_and_listed() =>
        GivenItem(Produced()).When(i => ItemDecider.Decide(i, new ListItem(ItemId, 250_000, "PKR", At), Now))
            .ThenEmits(new ItemListed(ItemId, 250_000, "PKR", At));

    [Fact]
    public void Listing_at_the_same_price_changes_nothing() =>
        GivenItem(Produced(), Listed()).When(i => ItemDecider.Decide(i, new ListItem(ItemId, 250_000, "PKR", At), Now)).ThenNothing();

    [Fact]
    public void Price_must_be_positive() =>
        GivenItem(Produced()).When(i => ItemDecider.Decide(i, new ListItem(ItemId, 0, "PKR", At), Now)).ThenRefused(RefusalCodes.InvalidAmount);

    [Fact]
    public void Unknown_item_cannot_be_listed() =>
        GivenItem().When(i => ItemDecider.Decide(i, new ListItem(ItemId, 100, "PKR", At), Now)).ThenRefused(RefusalCodes.ItemNotFound);

    [Fact]
    public void Listed_item_is_shown_at_an_exhibition() =>
        GivenItem(Produced(), Listed()).When(i => ItemDecider.Decide(i, new ShowItem(ItemId, SaleChannel.Exhibition, "Karachi Arts Council", At), Now))
            .ThenEmits(new ItemShown(ItemId, SaleChannel.Exhibition, "Karachi Arts Council", At));

    [Fact]
    public void Unlisted_item_cannot_be_shown() =>
        GivenItem(Produced()).When(i => ItemDecider.Decide(i, new ShowItem(ItemId, SaleChannel.OnlineMarketplace, "Daraz", At), Now))
            .ThenRefused(RefusalCodes.ItemNotListed);

    [Fact]
    public void Item_is_withdrawn_once() =>
        GivenItem(Produced(), Listed()).When(i => ItemDecider.Decide(i, new WithdrawItem(ItemId, "Damaged", At), Now))
            .ThenEmits(new ItemWithdrawn(ItemId, "Damaged", At));

    [Fact]
    public void Sold_item_cannot_be_withdrawn_or_relisted()
    {
        var sold = new ItemSold(ItemId, SaleId, 250_000, "PKR", SaleChannel.Exhibition, "B-1", At);
        GivenItem(Produced(), Listed(), sold).When(i => ItemDecider.Decide(i, new WithdrawItem(ItemId, "r", At), Now))
            .ThenRefused(RefusalCodes.ItemAlreadySold);
        GivenItem(Produced(), Listed(), sold).When(i => ItemDecider.Decide(i, new ListItem(ItemId, 1, "PKR", At), Now))
            .ThenRefused(RefusalCodes.ItemAlreadySold);
    }

    [Fact]
    public void Sold_item_is_returned() =>
        GivenItem(Produced(), Listed(), new ItemSold(ItemId, SaleId, 250_000, "PKR", SaleChannel.Exhibition, "B-1", At))
            .When(i => ItemDecider.Decide(i, new ReturnItem(ItemId, SaleId, "Paint chipped", Now), Now))
            .ThenEmits(new ItemReturned(ItemId, SaleId, "Paint chipped", Now));

    [Fact]
    public void Unsold_item_cannot_be_returned() =>
        GivenItem(Produced(), Listed()).When(i => ItemDecider.Decide(i, new ReturnItem(ItemId, SaleId, "r", Now), Now))
            .ThenRefused(RefusalCodes.ItemNotSold);
}
