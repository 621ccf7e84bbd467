using static SecondChance.Domain.Inmates.InmateGuards;
using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Inmates;

public static partial class InmateDecider
{
    public static Decision Decide(InmateState inmate, RecordFamilyContact command, DateTimeOffset now)
    {
        if (InCustody(inmate) is { } r1) return r1;
        if (inmate.FamilyContacts.Contains(command.ContactId)) return Decision.Nothing;
        if (Required(command.ContactName, InvalidName, "Who the contact was with") is { } r2) return r2;
        var at = command.ContactAt ?? now;
        if (Happened(inmate, at, now, "Contact time") is { } r3) return r3;
        return Decision.Accept(new FamilyContactRecorded(inmate.InmateId, command.ContactId, command.ContactName.Trim(), command.Relation, command.Mode, at));
    }

    public static Decision Decide(InmateState inmate, RefuseFamilyVisit command, DateTimeOffset now)
    {
        if (InCustody(inmate) is { } r1) return r1;
        if (Required(command.VisitorName, InvalidName, "Who was refused") is { } r2) return r2;
        if (Required(command.Reason, InvalidReason, "A reason for refusing the visit") is { } r3) return r3;
        if (Required(command.RefusedBy, InvalidName, "Who refused the visit") is { } r4) return r4;
        var at = command.RefusedAt ?? now;
        if (Happened(inmate, at, now, "Refusal time") is { } r5) return r5;
        return Decision.Accept(new FamilyVisitRefused(inmate.InmateId, command.VisitorName.Trim(), command.Relation, command.Reason.Trim(),
            command.RefusedBy.Trim(), at));
    }
}
