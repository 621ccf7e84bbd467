using SecondChance.Domain.Mentors;
using static SecondChance.Domain.Inmates.InmateGuards;
using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Inmates;

public static partial class InmateDecider
{
    public const int MaxContactSummaryLength = 1000;

    public static Decision Decide(InmateState inmate, MentorState mentor, AssignMentor command, DateTimeOffset now)
    {
        if (Exists(inmate) is { } r1) return r1;
        var at = command.AssignedAt ?? now;
        if (Happened(inmate, at, now, "Assignment time") is { } r2) return r2;
        if (inmate.MentorId == command.MentorId) return Decision.Nothing;
        if (mentor.MentorId != command.MentorId || mentor.RefusalToMentor() is not null)
            return mentor.RefusalToMentor() ?? new Refusal(MentorNotFound, "The mentor is not registered.");
        if (inmate.MentorId is not null)
            return Decision.Refuse(MentorAlreadyAssigned, "Another mentor is assigned; unassign them first.");
        return Decision.Accept(new MentorAssigned(inmate.InmateId, command.MentorId, at));
    }

    public static Decision Decide(InmateState inmate, UnassignMentor command, DateTimeOffset now)
    {
        if (Exists(inmate) is { } r1) return r1;
        if (Required(command.Reason, InvalidReason, "A reason") is { } r2) return r2;
        var at = command.UnassignedAt ?? now;
        if (Happened(inmate, at, now, "Unassignment time") is { } r3) return r3;
        if (inmate.MentorId != command.MentorId)
            return Decision.Refuse(MentorNotAssigned, "This mentor is not assigned to the inmate.");
        if (inmate.MentorSince is { } since && at < since)
            return Decision.Refuse(EndsBeforeStart, $"The mentor was assigned at {Stamp(since)}; the assignment cannot end before it starts.");
        return Decision.Accept(new MentorUnassigned(inmate.InmateId, command.MentorId, command.Reason.Trim(), at));
    }

    public static Decision Decide(InmateState inmate, MentorState mentor, RecordMentoringContact command, DateTimeOffset now)
    {
        if (Exists(inmate) is { } r1) return r1;
        if (inmate.MentoringContacts.Contains(command.ContactId)) return Decision.Nothing;
        if (string.IsNullOrWhiteSpace(command.Summary) || command.Summary.Length > MaxContactSummaryLength)
            return Decision.Refuse(InvalidField, $"A short summary (at most {MaxContactSummaryLength} characters) is required.");
        var at = command.ContactAt ?? now;
        if (Happened(inmate, at, now, "Contact time") is { } r2) return r2;
        if (mentor.MentorId != command.MentorId) return Decision.Refuse(MentorNotFound, "The mentor is not registered.");
        if (mentor.RefusalToMentor() is { } r3) return r3;
        if (inmate.MentorId != command.MentorId) return Decision.Refuse(MentorNotAssigned, "This mentor is not assigned to the inmate.");
        if (command.Phase == ReleasePhase.BeforeRelease && inmate.IsReleased)
            return Decision.Refuse(InmateIsReleased, "The inmate has been released; record an after-release contact.");
        if (command.Phase == ReleasePhase.AfterRelease && !inmate.IsReleased)
            return Decision.Refuse(InmateNotReleased, "The inmate has not been released yet.");
        return Decision.Accept(new MentoringContactRecorded(
            inmate.InmateId, command.ContactId, command.MentorId, at, command.Mode, command.Phase, command.Summary.Trim()));
    }
}
