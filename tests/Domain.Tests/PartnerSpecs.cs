using FluentAssertions;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Items;
using SecondChance.Domain.Partners;
using SecondChance.Domain.Wages;
using SecondChance.Domain.Tests.Support;
using static SecondChance.Domain.Tests.Support.F;
using static SecondChance.Domain.Tests.Support.Spec;

namespace SecondChance.Domain.Tests;

public class PartnerSpecs
{
    private static readonly Guid PartnerId = Id(600);
    private static readonly FacilityState Karachi = GivenFacility(Facility()).State;
    private static readonly RegisterPartner Register = new(PartnerId, " Kaarvan Crafts Foundation ", PartnerKind.Ngo,
        [PartnerRole.SalesChannel, PartnerRole.StartupMentor], Now.AddDays(-10));
    private static readonly SignMemorandum Sign = new(PartnerId, Id(601), FacilityId, "Online sales of embroidery", new DateOnly(2026, 2, 1),
        new DateOnly(2027, 1, 31), "Ayesha Siddiqui", "ayesha@example.org", Now.AddDays(-5));

    private static Given<PartnerState> GivenPartner(params object[] events) => Given(PartnerState.Initial, PartnerState.Evolve, events);

    private static PartnerRegistered Registered() =>
        new(PartnerId, "Kaarvan Crafts Foundation", PartnerKind.Ngo, [PartnerRole.SalesChannel, PartnerRole.StartupMentor], Now.AddDays(-10));

    [Fact]
    public void Partner_is_registered_with_its_roles() => GivenPartner().When(p => PartnerDecider.Decide(p, Register, Now)).ThenEmits(Registered());

    [Fact]
    public void Partner_without_a_role_or_with_a_role_twice_is_refused()
    {
        GivenPartner().When(p => PartnerDecider.Decide(p, Register with { Roles = [] }, Now)).ThenRefused(RefusalCodes.InvalidField);
        GivenPartner().When(p => PartnerDecider.Decide(p, Register with { Roles = [PartnerRole.Buyer, PartnerRole.Buyer] }, Now))
            .ThenRefused(RefusalCodes.InvalidField);
    }

    [Fact]
    public void Registering_again_changes_nothing_and_another_partner_under_its_id_is_refused()
    {
        GivenPartner(Registered()).When(p => PartnerDecider.Decide(p, Register, Now)).ThenNothing();
        GivenPartner(Registered()).When(p => PartnerDecider.Decide(p, Register with { Name = "Other" }, Now)).ThenRefused(RefusalCodes.PartnerAlreadyRegistered);
    }

    [Fact]
    public void Memorandum_is_signed_with_a_facility_for_its_period() =>
        GivenPartner(Registered()).When(p => PartnerDecider.Decide(p, Karachi, Sign, Now)).ThenEmits(new MemorandumSigned(PartnerId, Id(601),
            FacilityId, "Online sales of embroidery", new DateOnly(2026, 2, 1), new DateOnly(2027, 1, 31), "Ayesha Siddiqui", "ayesha@example.org",
            Now.AddDays(-5)));

    [Fact]
    public void Memorandum_ending_before_it_starts_or_running_past_ten_years_is_refused()
    {
        GivenPartner(Registered()).When(p => PartnerDecider.Decide(p, Karachi, Sign with { EndsOn = new DateOnly(2026, 1, 31) }, Now))
            .ThenRefused(RefusalCodes.EndsBeforeStart);
        GivenPartner(Registered()).When(p => PartnerDecider.Decide(p, Karachi, Sign with { EndsOn = new DateOnly(2036, 2, 2) }, Now))
            .ThenRefused(RefusalCodes.InvalidField);
        GivenPartner(Registered()).When(p => PartnerDecider.Decide(p, Karachi, Sign with { EndsOn = new DateOnly(2036, 2, 1) }, Now))
            .Decision.IsRefused.Should().BeFalse();
    }

    [Fact]
    public void Memorandum_signed_again_changes_nothing_and_another_under_its_id_is_refused()
    {
        var signed = GivenPartner(Registered(), new MemorandumSigned(PartnerId, Id(601), FacilityId, "Online sales of embroidery",
            Sign.StartsOn, Sign.EndsOn, "Ayesha Siddiqui", "ayesha@example.org", Now.AddDays(-5)));
        signed.When(p => PartnerDecider.Decide(p, Karachi, Sign, Now)).ThenNothing();
        signed.When(p => PartnerDecider.Decide(p, Karachi, Sign with { EndsOn = new DateOnly(2027, 6, 30) }, Now))
            .ThenRefused(RefusalCodes.MemorandumAlreadySigned);
    }

    [Fact]
    public void Memorandum_with_an_unregistered_facility_or_partner_is_refused()
    {
        GivenPartner(Registered()).When(p => PartnerDecider.Decide(p, FacilityState.Initial, Sign, Now)).ThenRefused(RefusalCodes.FacilityNotFound);
        GivenPartner().When(p => PartnerDecider.Decide(p, Karachi, Sign, Now)).ThenRefused(RefusalCodes.PartnerNotFound);
    }

    [Fact]
    public void Sale_through_a_partner_channel_needs_a_memorandum_in_force_on_the_sale_day()
    {
        var partner = GivenPartner(Registered(), new MemorandumSigned(PartnerId, Id(601), FacilityId, "Online", new DateOnly(2026, 2, 1),
            new DateOnly(2026, 2, 28), "A", "B", Now.AddDays(-30))).State;
        var item = GivenItem(Produced(), Listed()).State;
        var accounts = new Dictionary<Guid, WageAccountState> { [InmateId] = WageAccountState.Initial };
        var sell = new SellItem(ItemId, SaleId, 250_000, null, SaleChannel.OnlineMarketplace, "order 7", null, PartnerId);
        SaleDecider.Decide(item, Karachi, accounts, sell with { SoldAt = new DateTimeOffset(2026, 2, 28, 23, 0, 0, TimeSpan.FromHours(5)) }, Now, partner)
            .EventsFor(StreamIds.Item(ItemId)).OfType<ItemSold>().Single().PartnerId.Should().Be(PartnerId);
        SaleDecider.Decide(item, Karachi, accounts, sell with { SoldAt = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(5)) }, Now, partner)
            .Refusal!.Code.Should().Be(RefusalCodes.NoMemorandumInForce);
        SaleDecider.Decide(item, Karachi, accounts, sell, Now, null).Refusal!.Code.Should().Be(RefusalCodes.PartnerNotFound);
    }

    [Fact]
    public void Direct_sale_cannot_claim_to_be_a_partner_order() =>
        SaleDecider.Decide(GivenItem(Produced(), Listed()).State, Karachi, new Dictionary<Guid, WageAccountState>(),
                new SellItem(ItemId, SaleId, 1000, null, SaleChannel.PartnerOrder, "", null), Now)
            .Refusal!.Code.Should().Be(RefusalCodes.InvalidField);
}
