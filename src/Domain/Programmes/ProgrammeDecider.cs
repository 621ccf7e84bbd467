using SecondChance.Domain.Facilities;
using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Programmes;

public static class ProgrammeDecider
{
    public static Decision Decide(ProgrammeState programme, FacilityState facility, OpenProgramme command, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(command.Name)) return Decision.Refuse(InvalidName, "Programme name is required.");
        if (string.IsNullOrWhiteSpace(command.InstructorName)) return Decision.Refuse(InvalidName, "Instructor name is required.");
        if (command.Capacity <= 0) return Decision.Refuse(InvalidCapacity, "Capacity must be positive.");
        var skills = (command.Skills ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (skills.Count == 0) return Decision.Refuse(InvalidField, "A programme certifies at least one skill.");
        if (!facility.Registered || facility.FacilityId != command.FacilityId)
            return Decision.Refuse(FacilityNotFound, "The facility is not registered.");
        if (programme.Opened)
            return programme.ProgrammeId == command.ProgrammeId && programme.FacilityId == command.FacilityId
                ? Decision.Nothing
                : Decision.Refuse(ProgrammeAlreadyOpened, "The programme is already open.");
        return Decision.Accept(new ProgrammeOpened(command.ProgrammeId, command.FacilityId, command.Name.Trim(), command.Craft,
            skills, command.Capacity, command.InstructorId, command.InstructorName.Trim(), command.OpenedOn));
    }

    public static Decision Decide(ProgrammeState programme, CloseProgramme command, DateTimeOffset now)
    {
        if (!programme.Opened) return Decision.Refuse(ProgrammeNotFound, "The programme does not exist.");
        if (string.IsNullOrWhiteSpace(command.Reason)) return Decision.Refuse(InvalidReason, "A reason is required.");
        var at = command.ClosedAt ?? now;
        if (DomainTime.IsInFuture(at, now)) return Decision.Refuse(DateInFuture, "Closing time is in the future.");
        if (programme.Closed) return Decision.Nothing;
        return Decision.Accept(new ProgrammeClosed(programme.ProgrammeId, command.Reason.Trim(), at));
    }
}
