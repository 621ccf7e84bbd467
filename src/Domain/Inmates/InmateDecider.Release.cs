using static SecondChance.Domain.Inmates.InmateGuards;
using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Inmates;

public static partial class InmateDecider
{
    public static Decision Decide(InmateState inmate, PlanRelease command, DateTimeOffset now)
    {
        if (InCustody(inmate) is { } r1) return r1;
        var at = command.PlannedAt ?? now;
        if (Happened(inmate, at, now, "Planning time") is { } r2) return r2;
        if (command.ExpectedReleaseDate < DateOnly.FromDateTime(inmate.AdmittedAt.UtcDateTime).AddDays(-1))
            return Decision.Refuse(ReleaseBeforeAdmission, "The planned release date is before admission.");
        if (command.FollowUpPlannedOn is { } followUp && followUp <= command.ExpectedReleaseDate)
            return Decision.Refuse(FollowUpBeforeRelease, "The follow-up contact is planned for after the expected release date.");
        if (inmate.ExpectedReleaseDate == command.ExpectedReleaseDate && inmate.SavingsPayout == command.SavingsPayout
            && inmate.FollowUpPlannedOn == command.FollowUpPlannedOn) return Decision.Nothing;
        return Decision.Accept(new ReleasePlanned(inmate.InmateId, command.ExpectedReleaseDate, at, command.SavingsPayout, command.FollowUpPlannedOn));
    }

    public static Decision Decide(InmateState inmate, ReleaseInmate command, DateTimeOffset now)
    {
        if (Exists(inmate) is { } r1) return r1;
        if (inmate.IsReleased) return Decision.Refuse(AlreadyReleased, "The inmate has already been released.");
        if (Required(command.Reason, InvalidReason, "A reason for release") is { } r2) return r2;
        var at = command.ReleasedAt ?? now;
        if (NotInFuture(at, now, "Release time") is { } r3) return r3;
        if (at < inmate.AdmittedAt) return Decision.Refuse(ReleaseBeforeAdmission, "Release is before admission.");
        if (NotBeforePlacement(inmate, at, "Release time") is { } r4) return r4;
        if (inmate.SegregatedSince is { } since && at < since)
            return Decision.Refuse(EndsBeforeStart, $"Segregation started at {Stamp(since)}; release, which ends it, cannot be dated before that.");
        // A seat left taken would block the programme, so enrolment ends explicitly first.
        if (inmate.HasActiveEnrolment)
            return Decision.Refuse(ActiveEnrolment, "Withdraw or complete the inmate's programme before release.");
        return Decision.Accept(new InmateReleased(inmate.InmateId, inmate.FacilityId, at, command.Reason.Trim()));
    }

    public static Decision Decide(InmateState inmate, RecordPostReleaseFollowUp command, DateTimeOffset now)
    {
        if (Exists(inmate) is { } r1) return r1;
        if (!inmate.IsReleased) return Decision.Refuse(InmateNotReleased, "Follow-up is recorded after release.");
        var at = command.FollowedUpAt ?? now;
        if (Happened(inmate, at, now, "Follow-up time") is { } r2) return r2;
        if (inmate.ReleasedAt is { } released && at < released)
            return Decision.Refuse(BeforeRelease, $"Follow-up time ({Stamp(at)}) is before the inmate's release ({Stamp(released)}).");
        return Decision.Accept(new PostReleaseFollowUpRecorded(
            inmate.InmateId, at, command.Employment, command.Housing, command.Outcome, command.Notes.Trim()));
    }
}
