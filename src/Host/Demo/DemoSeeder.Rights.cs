using SecondChance.Application.Inmates;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using static SecondChance.Host.Demo.DemoWorld;

namespace SecondChance.Host.Demo;

/// <summary>
/// A few Karachi inmates whose records show one finding of each rights rule on restraints, deaths and serious incidents
/// in custody, and family contact, so oversight has something to see in the demo.
/// </summary>
public sealed partial class DemoSeeder
{
    private async Task<Guid?> AdmitRightsCaseAsync(int k, string name, Sex sex, DateTimeOffset admitted, FemaleEntryScreening? screening, CancellationToken ct)
    {
        var id = Id($"inmate:rights:{k}");
        var f = Karachi;
        if (!await Run(f.Actor, new AdmitInmate(id, f.Id, $"{f.Code}-{admitted.Year}-{9001 + k}", name, $"42101-{7000000 + k * 131:0000000}-{k % 10}",
                sex, DateOnly.FromDateTime(admitted.UtcDateTime).AddYears(-30 - k), LegalStatus.Convicted, "Sessions Court, Karachi East", admitted, false), ct))
            return null;
        var ward = f.Wards.First(w => w.Category == (sex == Sex.Female ? WardCategory.AdultFemale : WardCategory.AdultMale)
                                      && w.Designation == WardDesignation.Convicted);
        await Run(f.Actor, new HouseInmate(id, ward.Id, HousedAt: admitted.AddHours(1)), ct);
        await Run(f.Actor, new RecordMedicalScreening(id, admitted.AddHours(3), "Dr. Saima Jatoi (medical officer)", "Entry screening", screening), ct);
        return id;
    }

    private async Task SeedRightsCasesAsync(DateTimeOffset today, CancellationToken ct)
    {
        var actor = Karachi.Actor;
        // chains as punishment for six hours: prohibited_instrument, restraint_as_punishment and prolonged_restraint
        if (await AdmitRightsCaseAsync(0, "Shahid Jamali", Sex.Male, today.AddDays(-150), null, ct) is { } chained)
        {
            var at = today.AddDays(-40).AddHours(6);
            var restraint = Id("restraint:rights:0");
            await Run(actor, new ApplyRestraint(chained, restraint, RestraintInstrument.Chains, RestraintReason.Discipline,
                "Refused to return to barrack after a quarrel", "Deputy Superintendent", at, false), ct);
            await Run(actor, new EndRestraint(chained, restraint, "Superintendent", at.AddHours(6)), ct);
        }
        // a pregnant woman handcuffed on the way to hospital while in labour: restraint_of_woman_in_labour
        if (await AdmitRightsCaseAsync(1, "Nasreen Bibi", Sex.Female, today.AddDays(-200), new FemaleEntryScreening(true, false, 0), ct) is { } mother)
        {
            var labour = today.AddDays(-30).AddHours(4);
            var restraint = Id("restraint:rights:1");
            await Run(actor, new ApplyRestraint(mother, restraint, RestraintInstrument.Handcuffs, RestraintReason.EscapeDuringTransfer,
                "Escorted to Civil Hospital", "Escort head constable", labour.AddHours(-1), true), ct);
            await Run(actor, new EndRestraint(mother, restraint, "Lady medical officer", labour.AddHours(2)), ct);
            await Run(actor, new RecordLabour(mother, labour, labour.AddHours(7), "Lady medical officer, Civil Hospital"), ct);
        }
        // a death reported to the Sessions Judge a day and a half later and the family told two days later, under investigation:
        // custody_death_not_reported and family_not_notified (closed); a serious injury 200 days ago never investigated: investigation_open
        if (await AdmitRightsCaseAsync(2, "Ghulam Rasool", Sex.Male, today.AddDays(-90), null, ct) is { } died)
        {
            var at = today.AddDays(-20).AddHours(1);
            var incident = Id("incident:rights:2");
            await Run(actor, new RecordCustodyIncident(died, incident, CustodyIncidentKind.Death, at, "Men's barrack 4",
                "Found unresponsive at the morning count; taken to Civil Hospital, declared dead on arrival"), ct);
            await Run(actor, new ReportIncidentToAuthority(died, incident, "Sessions Judge, Karachi East", "SJ-E/2026/114", at.AddHours(36)), ct);
            await Run(actor, new NotifyFamilyOfIncident(died, incident, "Brother (by phone)", "Welfare officer", at.AddHours(50)), ct);
            await Run(actor, new OpenIncidentInvestigation(died, incident, "Judicial Magistrate, Karachi East", at.AddDays(3)), ct);
        }
        if (await AdmitRightsCaseAsync(3, "Irfan Mallah", Sex.Male, today.AddDays(-300), null, ct) is { } injured)
        {
            var at = today.AddDays(-200).AddHours(5);
            var incident = Id("incident:rights:3");
            await Run(actor, new RecordCustodyIncident(injured, incident, CustodyIncidentKind.SeriousInjury, at, "Carpentry workshop",
                "Deep cut to the hand from a circular saw"), ct);
            await Run(actor, new ReportIncidentToAuthority(injured, incident, "Sessions Judge, Karachi East", "SJ-E/2026/031", at.AddHours(6)), ct);
            await Run(actor, new NotifyFamilyOfIncident(injured, incident, "Wife (by phone)", "Welfare officer", at.AddHours(8)), ct);
        }
        // a mother of two whose children came once, were turned away once and have not been seen for 50 days: mother_without_child_contact
        if (await AdmitRightsCaseAsync(4, "Shabana Chandio", Sex.Female, today.AddDays(-80), new FemaleEntryScreening(false, false, 0, 2), ct) is { } mother2)
        {
            var visit = today.AddDays(-60).AddHours(6);
            await Run(actor, new RecordFamilyContact(mother2, Id("family-contact:rights:4:1"), "Sana and Bilal (with their aunt)", FamilyRelation.Child,
                ContactMode.InPerson, visit), ct);
            await Run(actor, new RecordFamilyContact(mother2, Id("family-contact:rights:4:2"), "Husband", FamilyRelation.Spouse, ContactMode.Phone,
                visit.AddDays(20)), ct);
            await Run(actor, new RefuseFamilyVisit(mother2, "Sana (with her aunt)", FamilyRelation.Child, "Aunt had no CNIC", "Gate warder",
                visit.AddDays(35)), ct);
        }
    }
}
