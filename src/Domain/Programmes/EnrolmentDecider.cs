using SecondChance.Domain.Inmates;
using static SecondChance.Domain.Inmates.InmateGuards;
using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Programmes;

/// <summary>
/// Enrolment touches the inmate and the programme; both streams are appended together with their expected
/// versions, so two enrolments racing for the last seat cannot both succeed.
/// </summary>
public static class EnrolmentDecider
{
    public static MultiStreamDecision Decide(InmateState inmate, ProgrammeState programme, EnrolInmate command, DateTimeOffset now)
    {
        if (InCustody(inmate) is { } r1) return r1;
        var at = command.EnrolledAt ?? now;
        if (Happened(inmate, at, now, "Enrolment time") is { } r2) return r2;
        if (!programme.Opened || programme.ProgrammeId != command.ProgrammeId)
            return new Refusal(ProgrammeNotFound, "The programme does not exist.");
        var status = inmate.EnrolmentIn(programme.ProgrammeId);
        if (status == EnrolmentStatus.Active && programme.Enrolled.Contains(inmate.InmateId))
            return new Refusal(AlreadyEnrolled, "The inmate is already enrolled in this programme.");
        if (status == EnrolmentStatus.Completed)
            return new Refusal(AlreadyEnrolled, "The inmate has already completed this programme.");
        if (programme.Closed) return new Refusal(ProgrammeIsClosed, "The programme is closed.");
        if (programme.FacilityId != inmate.FacilityId)
            return new Refusal(ProgrammeAtAnotherFacility, "The programme runs at another facility.");
        if (!programme.HasFreeSeat) return new Refusal(ProgrammeFull, $"All {programme.Capacity} seats are taken.");

        return MultiStreamDecision.Accept(
            new StreamEvents(StreamIds.Inmate(inmate.InmateId),
                status == EnrolmentStatus.Active ? [] : [new InmateEnrolled(inmate.InmateId, programme.ProgrammeId, at)]),
            new StreamEvents(StreamIds.Programme(programme.ProgrammeId),
                [new ProgrammeSeatTaken(programme.ProgrammeId, inmate.InmateId, programme.EnrolledCount + 1)]));
    }

    public static MultiStreamDecision Decide(InmateState inmate, ProgrammeState programme, WithdrawFromProgramme command, DateTimeOffset now)
    {
        if (Exists(inmate) is { } r1) return r1;
        if (Required(command.Reason, InvalidReason, "A reason for withdrawal") is { } r2) return r2;
        var at = command.WithdrewAt ?? now;
        if (Happened(inmate, at, now, "Withdrawal time") is { } r3) return r3;
        if (!programme.Opened || programme.ProgrammeId != command.ProgrammeId)
            return new Refusal(ProgrammeNotFound, "The programme does not exist.");
        var status = inmate.EnrolmentIn(programme.ProgrammeId);
        if (status == EnrolmentStatus.Withdrawn && !programme.Enrolled.Contains(inmate.InmateId)) return MultiStreamDecision.Nothing;
        if (status != EnrolmentStatus.Active) return new Refusal(NotEnrolled, "The inmate is not enrolled in this programme.");
        return EndEnrolment(inmate, programme, SeatFreedBecause.Withdrew,
            new InmateWithdrewFromProgramme(inmate.InmateId, programme.ProgrammeId, command.Reason.Trim(), at));
    }

    public static MultiStreamDecision Decide(InmateState inmate, ProgrammeState programme, CompleteProgramme command, DateTimeOffset now)
    {
        if (Exists(inmate) is { } r1) return r1;
        var at = command.CompletedAt ?? now;
        if (Happened(inmate, at, now, "Completion time") is { } r2) return r2;
        if (!programme.Opened || programme.ProgrammeId != command.ProgrammeId)
            return new Refusal(ProgrammeNotFound, "The programme does not exist.");
        var status = inmate.EnrolmentIn(programme.ProgrammeId);
        if (status == EnrolmentStatus.Completed && !programme.Enrolled.Contains(inmate.InmateId)) return MultiStreamDecision.Nothing;
        if (status != EnrolmentStatus.Active) return new Refusal(NotEnrolled, "The inmate is not enrolled in this programme.");
        return EndEnrolment(inmate, programme, SeatFreedBecause.Completed,
            new InmateCompletedProgramme(inmate.InmateId, programme.ProgrammeId, at));
    }

    /// <param name="verificationCode">The new certificate's code (<see cref="VerificationCode.Format"/>), made by the caller from a CSPRNG.</param>
    public static Decision Decide(InmateState inmate, ProgrammeState programme, CertifySkill command, string verificationCode, DateTimeOffset now)
    {
        if (Exists(inmate) is { } r1) return r1;
        if (Required(command.Skill, InvalidField, "Skill") is { } r2) return r2;
        if (Required(command.Level, InvalidField, "Level") is { } r3) return r3;
        if (Required(command.Assessor, InvalidName, "Assessor") is { } r4) return r4;
        if (Required(command.CertificateNumber, InvalidField, "Certificate number") is { } r5) return r5;
        var at = command.CertifiedAt ?? now;
        if (Happened(inmate, at, now, "Certification time") is { } r6) return r6;
        if (!programme.Opened || programme.ProgrammeId != command.ProgrammeId)
            return Decision.Refuse(ProgrammeNotFound, "The programme does not exist.");
        var certificate = command.CertificateNumber.Trim();
        if (inmate.CertificateNumbers.Contains(certificate)) return Decision.Nothing;
        if (programme.TaughtSkill(command.Skill) is not { } skill)
            return Decision.Refuse(SkillNotTaught, $"The programme does not teach '{command.Skill.Trim()}'.");
        if (inmate.EnrolmentIn(programme.ProgrammeId) is not (EnrolmentStatus.Active or EnrolmentStatus.Completed))
            return Decision.Refuse(NotEnrolled, "The inmate is not enrolled in, nor has completed, this programme.");
        return Decision.Accept(new SkillCertified(inmate.InmateId, programme.ProgrammeId, skill, command.Level.Trim(),
                command.Assessor.Trim(), certificate, at),
            new CertificateCodeIssued(inmate.InmateId, certificate, verificationCode, now));
    }

    private static MultiStreamDecision EndEnrolment(InmateState inmate, ProgrammeState programme, SeatFreedBecause because, object inmateEvent)
    {
        var holdsSeat = programme.Enrolled.Contains(inmate.InmateId);
        return MultiStreamDecision.Accept(
            new StreamEvents(StreamIds.Inmate(inmate.InmateId), [inmateEvent]),
            new StreamEvents(StreamIds.Programme(programme.ProgrammeId), holdsSeat
                ? [new ProgrammeSeatFreed(programme.ProgrammeId, inmate.InmateId, because, programme.EnrolledCount - 1)]
                : []));
    }
}
