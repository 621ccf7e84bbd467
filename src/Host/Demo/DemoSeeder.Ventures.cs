using SecondChance.Application.Inmates;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Ventures;
using static SecondChance.Host.Demo.DemoWorld;

namespace SecondChance.Host.Demo;

/// <summary>
/// The Peshawar IT pilot (issue 16): the venture fund gets a provincial allocation and a donation; three men certified
/// in the IT programme found two ventures. The first, of two founders, is funded, reaches every milestone (one founder
/// is released on the way: the venture follows him) and repays part of its grant; the second is funded and has its
/// first sale. Dates are days before today, so every run agrees.
/// </summary>
public sealed partial class DemoSeeder
{
    private static readonly string[] VentureFounders = ["Shahid Afridi", "Waqas Yousafzai", "Irfan Khattak"];

    private async Task<(Guid Inmate, string Certificate)?> CertifiedFounderAsync(int k, DateTimeOffset today, CancellationToken ct)
    {
        var f = Peshawar;
        var it = Programmes.Single(p => p.FacilityId == f.Id && p.Craft == Craft.IT);
        var id = Id($"inmate:ventures:{k}");
        var admitted = today.AddDays(-420 + k);
        if (!await Run(f.Actor, new AdmitInmate(id, f.Id, $"{f.Code}-{admitted.Year}-{9201 + k}", VentureFounders[k], $"17301-{7300000 + k * 211:0000000}-{k}",
                Sex.Male, DateOnly.FromDateTime(admitted.UtcDateTime).AddYears(-27 - k), LegalStatus.Convicted, "Sessions Court, Peshawar", admitted, true), ct))
            return null;
        await Run(f.Actor, new HouseInmate(id, f.Wards.Single(w => w.Designation == WardDesignation.Convicted).Id, HousedAt: admitted.AddHours(1)), ct);
        await Run(f.Actor, new RecordMedicalScreening(id, admitted.AddHours(3), "Dr. Hamid Khattak (medical officer)", "Entry screening: fit for work", null), ct);
        await Run(it.Instructor, new EnrolInmate(id, it.Id, admitted.AddDays(10)), ct);
        await Run(it.Instructor, new CompleteProgramme(id, it.Id, admitted.AddDays(100)), ct);
        var certificate = $"{f.Code}-IT-V{k + 1:00}";
        await Run(it.Instructor, new CertifySkill(id, it.Id, it.Skills[k % it.Skills.Length], "Level 2", $"{it.Instructor} (TEVTA assessor)", certificate,
            admitted.AddDays(101)), ct);
        return (id, certificate);
    }

    private async Task SeedVenturesAsync(DateTimeOffset today, CancellationToken ct)
    {
        var f = Peshawar;
        var actor = f.Actor;
        var founders = new List<(Guid Inmate, string Certificate)>();
        for (var k = 0; k < VentureFounders.Length; k++)
            if (await CertifiedFounderAsync(k, today, ct) is { } founder) founders.Add(founder);
        if (founders.Count < VentureFounders.Length) return;

        await Run(actor, new CreditVentureFund(f.Id, Id("venture-fund:peshawar:allocation"), 30_000_000, null,
            "Allocation: Khyber Pakhtunkhwa Prisons Department, IT pilot", today.AddDays(-300)), ct);
        await Run(actor, new CreditVentureFund(f.Id, Id("venture-fund:peshawar:donation"), 5_000_000, null,
            "Donation: Peshawar Chamber of Commerce and Industry", today.AddDays(-210)), ct);

        var web = Id("venture:peshawar:web-studio");
        if (await Run(actor, new ProposeVenture(web, f.Id, "Khyber Web Studio", "Web pages and social-media shops for Qissa Khwani traders, built on donated laptops",
                [new VentureFounder(founders[0].Inmate, founders[0].Certificate), new VentureFounder(founders[1].Inmate, founders[1].Certificate)],
                "Kaarvan Crafts Foundation", Kaarvan, today.AddDays(-280)), ct))
        {
            await Run(actor, new ApproveVenture(f.Id, web, "Superintendent, Central Jail Peshawar", today.AddDays(-270)), ct);
            await Run(actor, new AwardSeedGrant(f.Id, web, Id("venture-grant:peshawar:web-studio"), 15_000_000, null, today.AddDays(-260)), ct);
            await Run(actor, new RecordVentureMilestone(f.Id, web, VentureMilestone.Registered, today.AddDays(-240)), ct);
            await Run(actor, new RecordVentureMilestone(f.Id, web, VentureMilestone.FirstSale, today.AddDays(-220)), ct);
            await Run(actor, new ReleaseInmate(founders[0].Inmate, today.AddDays(-200), "Sentence served"), ct);
            await Run(actor, new RecordVentureMilestone(f.Id, web, VentureMilestone.FirstMonthProfitable, today.AddDays(-150)), ct);
            await Run(actor, new RecordVentureRepayment(f.Id, web, Id("venture-repayment:peshawar:web-studio:1"), RepaymentKind.Repayment, 5_000_000, null,
                today.AddDays(-100)), ct);
        }

        var repair = Id("venture:peshawar:phone-repair");
        if (await Run(actor, new ProposeVenture(repair, f.Id, "Hashtnagri Phone Repair and Data Entry",
                "Mobile phone repair and data entry for small offices near Hashtnagri", [new VentureFounder(founders[2].Inmate, founders[2].Certificate)],
                "Khyber Welfare Society", null, today.AddDays(-200)), ct))
        {
            await Run(actor, new ApproveVenture(f.Id, repair, "Superintendent, Central Jail Peshawar", today.AddDays(-190)), ct);
            await Run(actor, new AwardSeedGrant(f.Id, repair, Id("venture-grant:peshawar:phone-repair"), 10_000_000, null, today.AddDays(-185)), ct);
            await Run(actor, new RecordVentureMilestone(f.Id, repair, VentureMilestone.Registered, today.AddDays(-160)), ct);
            await Run(actor, new RecordVentureMilestone(f.Id, repair, VentureMilestone.FirstSale, today.AddDays(-120)), ct);
        }
    }
}
