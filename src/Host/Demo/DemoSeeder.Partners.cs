using SecondChance.Application.Inmates;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Items;
using SecondChance.Domain.Orders;
using SecondChance.Domain.Partners;
using SecondChance.Domain.Programmes;
using static SecondChance.Host.Demo.DemoWorld;

namespace SecondChance.Host.Demo;

/// <summary>
/// Partner organisations under memoranda with the two jails: the Karachi Arts Council buys for its shop (one order
/// delivered and paid in two parts, one still being filled), an online marketplace sells Karachi's work, and the
/// Kaarvan foundation sells and mentors in both cities.
/// </summary>
public sealed partial class DemoSeeder
{
    public static readonly Guid ArtsCouncil = Id("partner:arts-council");
    public static readonly Guid Marketplace = Id("partner:marketplace");
    public static readonly Guid Kaarvan = Id("partner:kaarvan");

    /// <summary>Kaarvan works with both jails; the Arts Council and the marketplace with Karachi alone.</summary>
    private async Task SeedPartnersAsync(IReadOnlyList<FacilityPlan> facilities, DateTimeOffset origin, DateTimeOffset today, CancellationToken ct)
    {
        var from = DateOnly.FromDateTime(origin.UtcDateTime);
        var until = DateOnly.FromDateTime(today.UtcDateTime).AddYears(1);
        var karachi = facilities.Contains(Karachi);
        var actor = facilities[0].Actor;
        if (karachi)
        {
            await Run(Karachi.Actor, new RegisterPartner(ArtsCouncil, "Arts Council of Pakistan, Karachi", PartnerKind.ArtsCouncil,
                [PartnerRole.Buyer, PartnerRole.SalesChannel], origin), ct);
            await Run(Karachi.Actor, new RegisterPartner(Marketplace, "Daraz online marketplace", PartnerKind.Company, [PartnerRole.SalesChannel], origin), ct);
        }
        await Run(actor, new RegisterPartner(Kaarvan, "Kaarvan Crafts Foundation", PartnerKind.Ngo,
            [PartnerRole.SalesChannel, PartnerRole.StartupMentor], origin), ct);
        if (karachi)
        {
            await Run(Karachi.Actor, new SignMemorandum(ArtsCouncil, Id("mou:arts-council"), Karachi.Id,
                "Orders of embroidery, truck art and woodwork for the council's shop; stalls at its exhibitions", from, until,
                "Ms. Huma Rahim (programme officer)", "021-99200000", origin), ct);
            await Run(Karachi.Actor, new SignMemorandum(Marketplace, Id("mou:marketplace"), Karachi.Id,
                "A prison-crafts storefront; the jail ships, the marketplace collects", from, until, "Seller support", "sellers@example.pk", origin), ct);
            await Run(Karachi.Actor, new SignMemorandum(Kaarvan, Id("mou:kaarvan:karachi"), Karachi.Id,
                "Design training and sales of women's embroidery", from, until, "Mr. Faisal Hayat", "042-35700000", origin), ct);
        }
        if (facilities.Contains(Peshawar))
            await Run(Peshawar.Actor, new SignMemorandum(Kaarvan, Id("mou:kaarvan:peshawar"), Peshawar.Id,
                "Mentoring of inmates' ventures in the IT course pilot", from, until, "Ms. Sana Afridi", "091-5600000", origin), ct);
    }

    /// <summary>The partner an item sold over the counter went through, if any: every fourth Karachi shop sale is online.</summary>
    private static (SaleChannel Channel, Guid? Partner) SaleRoute(FacilityPlan f, bool exhibited, int i, int k) =>
        exhibited ? (SaleChannel.Exhibition, f == Karachi && (i + k) % 3 == 0 ? ArtsCouncil : null)
        : f == Karachi && (i + k) % 4 == 0 ? (SaleChannel.OnlineMarketplace, Marketplace) : (SaleChannel.Shop, null);

    /// <summary>Orders from the Arts Council, made in the Karachi embroidery workshop by two women on remand who are its students.</summary>
    private async Task SeedOrdersAsync(DateTimeOffset today, CancellationToken ct)
    {
        var p = Programmes.Single(p => p.Id == Id("programme:karachi:rilli"));
        var ward = Karachi.Wards.Single(w => w.Name == "Women's ward (under trial)");
        var makers = new List<MakerWork>();
        foreach (var (k, name) in new[] { (0, "Shabana Memon"), (1, "Kiran Jatoi") })
        {
            var id = Id($"inmate:orders:{k}");
            var admitted = today.AddDays(-120 + k);
            if (!await Run(Karachi.Actor, new AdmitInmate(id, Karachi.Id, $"{Karachi.Code}-{admitted.Year}-{9201 + k}", name,
                    $"42201-{7300000 + k * 211:0000000}-{(k + 4) % 10}", Sex.Female, DateOnly.FromDateTime(admitted.UtcDateTime).AddYears(-31 - k),
                    LegalStatus.Remand, "Judicial Magistrate, Karachi East", admitted, false), ct))
                return;
            await Run(Karachi.Actor, new HouseInmate(id, ward.Id, HousedAt: admitted.AddHours(1)), ct);
            await Run(Karachi.Actor, new RecordMedicalScreening(id, admitted.AddHours(3), "Dr. Saima Jatoi (medical officer)", "Entry screening: fit",
                new FemaleEntryScreening(false, false, 0)), ct);
            await Run(p.Instructor, new EnrolInmate(id, p.Id, admitted.AddDays(5)), ct);
            makers.Add(new MakerWork(id, 900 + 300 * k));
        }
        await FillOrderAsync(p, makers, Id("order:arts-council:1"), 4, 450_000, today.AddDays(-60), deliveredAndPaid: true, today, ct);
        await FillOrderAsync(p, makers, Id("order:arts-council:2"), 6, 250_000, today.AddDays(-12), deliveredAndPaid: false, today, ct);
    }

    private async Task FillOrderAsync(ProgrammePlan p, IReadOnlyList<MakerWork> makers, Guid order, int quantity, long price, DateTimeOffset placed,
        bool deliveredAndPaid, DateTimeOffset today, CancellationToken ct)
    {
        await Run(Karachi.Actor, new PlaceOrder(order, ArtsCouncil, p.Id, $"{p.Products[0]} for the council's shop", p.Craft, quantity, price, Currency,
            DateOnly.FromDateTime(placed.UtcDateTime).AddDays(45), $"ACP-PO-{placed:yyMMdd}", placed), ct);
        var made = deliveredAndPaid ? quantity : 2;
        var items = Enumerable.Range(0, made).Select(k => Id($"{order}:item:{k}")).ToList();
        for (var k = 0; k < made; k++)
        {
            var at = placed.AddDays(5 + 3 * k);
            await Run(p.Instructor, new ProduceItem(items[k], Karachi.Id, p.Id, p.Products[0], p.Craft, makers, price / 5, Currency, at), ct);
            await Run(p.Instructor, new AllocateItemToOrder(order, items[k], at.AddHours(2)), ct);
        }
        if (!deliveredAndPaid) return;
        await Run(Karachi.Actor, new DeliverOrder(order, Id($"{order}:delivery"), items, placed.AddDays(30)), ct);
        await Run(Karachi.Actor, new PayForOrder(order, Id($"{order}:payment:1"), price * (quantity / 2), Currency, placed.AddDays(40)), ct);
        await Run(Karachi.Actor, new PayForOrder(order, Id($"{order}:payment:2"), price * (quantity - quantity / 2), Currency, Min(placed.AddDays(55), today)), ct);
    }
}
