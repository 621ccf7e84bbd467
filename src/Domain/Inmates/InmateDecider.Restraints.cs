using static SecondChance.Domain.Inmates.InmateGuards;
using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Inmates;

/// <summary>
/// Restraints are recorded as they happened, prohibited instruments and disciplinary uses included: refusing to record
/// them would hide exactly what oversight must see. The rights rules judge them.
/// </summary>
public static partial class InmateDecider
{
    public const int MaxRestraintDetailsLength = 1000;

    public static Decision Decide(InmateState inmate, ApplyRestraint command, DateTimeOffset now)
    {
        if (InCustody(inmate) is { } r1) return r1;
        if (Required(command.AuthorisedBy, InvalidName, "Who authorised the restraint") is { } r2) return r2;
        if (command.Details is { Length: > MaxRestraintDetailsLength })
            return Decision.Refuse(InvalidReason, $"The details are at most {MaxRestraintDetailsLength} characters.");
        if ((command.Instrument is RestraintInstrument.Other || command.Reason is RestraintReason.Other)
            && Required(command.Details, InvalidReason, "For another instrument or reason, details") is { } r3) return r3;
        var at = command.StartedAt ?? now;
        if (Happened(inmate, at, now, "Start time") is { } r4) return r4;
        if (inmate.Restraints.Any(r => r.RestraintId == command.RestraintId))
            return Decision.Refuse(RestraintAlreadyRecorded, "A restraint with this id is already recorded.");
        return Decision.Accept(new RestraintApplied(inmate.InmateId, command.RestraintId, command.Instrument, command.Reason,
            (command.Details ?? "").Trim(), command.AuthorisedBy.Trim(), at, command.MedicalOfficerInformed));
    }

    public static Decision Decide(InmateState inmate, EndRestraint command, DateTimeOffset now)
    {
        if (InCustody(inmate) is { } r1) return r1;
        if (Required(command.AuthorisedBy, InvalidName, "Who authorised the end") is { } r2) return r2;
        var at = command.EndedAt ?? now;
        if (Happened(inmate, at, now, "End time") is { } r3) return r3;
        if (inmate.Restraints.FirstOrDefault(r => r.RestraintId == command.RestraintId) is not { } use)
            return Decision.Refuse(RestraintNotFound, "The inmate has no restraint with this id.");
        if (use.EndedAt is not null) return Decision.Nothing;
        if (at < use.StartedAt)
            return Decision.Refuse(EndsBeforeStart, $"The restraint started at {Stamp(use.StartedAt)}; it cannot end before it starts.");
        return Decision.Accept(new RestraintEnded(inmate.InmateId, command.RestraintId, command.AuthorisedBy.Trim(), at));
    }

    public static Decision Decide(InmateState inmate, RecordLabour command, DateTimeOffset now)
    {
        if (InCustody(inmate) is { } r1) return r1;
        if (inmate.Sex != Sex.Female) return Decision.Refuse(LabourOnlyForWomen, "Labour and delivery are recorded for women.");
        if (Required(command.RecordedBy, InvalidName, "Who recorded the labour") is { } r2) return r2;
        var start = command.LabourStartedAt ?? command.EndedAt;
        if ((Happened(inmate, start, now, "Labour start") ?? Happened(inmate, command.EndedAt, now, "Delivery time")) is { } r3) return r3;
        if (command.EndedAt < start)
            return Decision.Refuse(EndsBeforeStart, $"Labour started at {Stamp(start)}; it cannot end before it starts.");
        return Decision.Accept(new LabourRecorded(inmate.InmateId, start, command.EndedAt, command.RecordedBy.Trim()));
    }
}
