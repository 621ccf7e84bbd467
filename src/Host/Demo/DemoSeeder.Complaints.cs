using SecondChance.Application.Inmates;
using SecondChance.Domain.Complaints;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using static SecondChance.Host.Demo.DemoWorld;

namespace SecondChance.Host.Demo;

/// <summary>
/// Three Karachi men on remand in the remand annexe, certified for two (ward_over_capacity), whose records show the
/// complaint rules: a complaint about a warder followed by segregation and decided after 45 days (possible_reprisal,
/// complaint_unanswered), and a confidential complaint to the oversight body still undecided (complaint_unanswered,
/// seen by oversight alone).
/// </summary>
public sealed partial class DemoSeeder
{
    private async Task<Guid?> AdmitToAnnexeAsync(int k, string name, DateTimeOffset admitted, CancellationToken ct)
    {
        var id = Id($"inmate:complaints:{k}");
        var f = Karachi;
        if (!await Run(f.Actor, new AdmitInmate(id, f.Id, $"{f.Code}-{admitted.Year}-{9101 + k}", name, $"42101-{7100000 + k * 137:0000000}-{k % 10}",
                Sex.Male, DateOnly.FromDateTime(admitted.UtcDateTime).AddYears(-25 - k), LegalStatus.Remand, "Judicial Magistrate, Karachi West", admitted,
                false), ct))
            return null;
        await Run(f.Actor, new HouseInmate(id, f.Wards.Single(w => w.Name == RemandAnnexe).Id, HousedAt: admitted.AddHours(1)), ct);
        await Run(f.Actor, new RecordMedicalScreening(id, admitted.AddHours(3), "Dr. Saima Jatoi (medical officer)", "Entry screening: fit", null), ct);
        return id;
    }

    private async Task SeedComplaintCasesAsync(DateTimeOffset today, CancellationToken ct)
    {
        var actor = Karachi.Actor;
        var admitted = today.AddDays(-100);
        if (await AdmitToAnnexeAsync(0, "Rafiq Ahmed", admitted, ct) is { } rafiq)
        {
            var complaint = Id("complaint:cases:0");
            var lodged = today.AddDays(-60);
            await Run(actor, new LodgeComplaint(complaint, rafiq, ComplaintChannel.ThroughStaff, ComplainantKind.FamilyMember, "Zubeda Ahmed (wife)",
                ComplaintCategory.Extortion, true, "A warder of the annexe takes money before each family visit", "Welfare officer", lodged), ct);
            await Run(actor, new AcknowledgeComplaint(rafiq, complaint, "Deputy superintendent", lodged.AddDays(1)), ct);
            await Run(actor, new StartSegregation(rafiq, "Quarrel at the visiting hall", "Deputy superintendent", lodged.AddDays(5)), ct);
            await Run(actor, new EndSegregation(rafiq, "Review board decision", "Superintendent", lodged.AddDays(9)), ct);
            await Run(actor, new OpenComplaintInvestigation(rafiq, complaint, "Assistant superintendent (inquiry officer)", lodged.AddDays(3)), ct);
            await Run(actor, new DecideComplaint(rafiq, complaint, ComplaintOutcome.Upheld, "Warder moved out of the annexe; money returned",
                "Superintendent", lodged.AddDays(45)), ct);
        }
        if (await AdmitToAnnexeAsync(1, "Sohail Abbasi", admitted, ct) is { } sohail)
            await Run("demo:oversight", new LodgeComplaint(Id("complaint:cases:1"), sohail, ComplaintChannel.ToOversight, ComplainantKind.Lawyer,
                "Advocate Farah Siddiqui", ComplaintCategory.Treatment, true, "Client reports being beaten during the night count",
                "Provincial ombudsman's office", today.AddDays(-45), ByOversight: true), ct);
        await AdmitToAnnexeAsync(2, "Naeem Butt", admitted, ct);
    }
}
