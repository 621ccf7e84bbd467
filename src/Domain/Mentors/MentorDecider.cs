using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Mentors;

public static class MentorDecider
{
    public static Decision Decide(MentorState state, RegisterMentor command, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(command.FullName)) return Decision.Refuse(InvalidName, "Mentor name is required.");
        if (!Cnic.TryParse(command.Cnic, out var cnic)) return Decision.Refuse(InvalidCnic, "CNIC must look like 12345-1234567-1.");
        if (state.Registered)
            return state.MentorId == command.MentorId
                ? Decision.Nothing
                : Decision.Refuse(MentorAlreadyRegistered, "The mentor is already registered.");
        return Decision.Accept(new MentorRegistered(
            command.MentorId, command.FullName.Trim(), cnic, command.Phone.Trim(), command.Organisation.Trim()));
    }

    public static Decision Decide(MentorState state, VetMentor command, DateTimeOffset now)
    {
        if (!state.Registered) return Decision.Refuse(MentorNotFound, "The mentor is not registered.");
        if (!state.Active) return Decision.Refuse(MentorInactive, "The mentor has been deactivated.");
        if (string.IsNullOrWhiteSpace(command.VettedBy)) return Decision.Refuse(InvalidName, "Who vetted the mentor is required.");
        if (command.VettedOn > DateOnly.FromDateTime(now.UtcDateTime.Date).AddDays(1))
            return Decision.Refuse(DateInFuture, "Vetting date is in the future.");
        if (state.Vetted) return Decision.Nothing;
        return Decision.Accept(new MentorVetted(state.MentorId, command.VettedBy.Trim(), command.VettedOn, command.Reference.Trim()));
    }

    public static Decision Decide(MentorState state, DeactivateMentor command, DateTimeOffset now)
    {
        if (!state.Registered) return Decision.Refuse(MentorNotFound, "The mentor is not registered.");
        if (string.IsNullOrWhiteSpace(command.Reason)) return Decision.Refuse(InvalidReason, "A reason is required.");
        var at = command.DeactivatedAt ?? now;
        if (DomainTime.IsInFuture(at, now)) return Decision.Refuse(DateInFuture, "Deactivation time is in the future.");
        if (!state.Active) return Decision.Nothing;
        return Decision.Accept(new MentorDeactivated(state.MentorId, command.Reason.Trim(), at));
    }
}
