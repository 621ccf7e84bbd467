using SecondChance.Domain.Facilities;
using static SecondChance.Domain.Inmates.InmateGuards;
using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Inmates;

public static partial class InmateDecider
{
    /// <summary>Writes the inmate stream and the prisoner-number reservation stream, which must not yet exist.</summary>
    public static MultiStreamDecision Decide(
        InmateState inmate, PrisonerNumberReservation reservation, FacilityState facility, AdmitInmate command, DateTimeOffset now)
    {
        if (Required(command.FullName, InvalidName, "Full name") is { } r1) return r1;
        if (!Cnic.TryParse(command.Cnic, out var cnic)) return new Refusal(InvalidCnic, "CNIC must look like 12345-1234567-1.");
        if (!PrisonerNumbers.IsValid(command.PrisonerNumber))
            return new Refusal(InvalidPrisonerNumber, "Prisoner number must be letters, digits, '-' or '/', at most 32.");
        if (Required(command.CommittalAuthority, InvalidField, "Committal authority") is { } r2) return r2;
        if (NotInFuture(command.AdmittedAt, now, "Admission time") is { } r3) return r3;
        if (command.DateOfBirth > DateOnly.FromDateTime(command.AdmittedAt.UtcDateTime).AddDays(1))
            return new Refusal(InvalidDate, "Date of birth is after admission.");
        if (!facility.Registered || facility.FacilityId != command.FacilityId)
            return new Refusal(FacilityNotFound, "The facility is not registered.");

        var number = PrisonerNumbers.Normalize(command.PrisonerNumber);
        if (inmate.Exists)
        {
            var repeated = inmate.InmateId == command.InmateId && inmate.FacilityId == command.FacilityId
                && inmate.PrisonerNumber == number && reservation.InmateId == command.InmateId;
            return repeated ? MultiStreamDecision.Nothing : new Refusal(AlreadyAdmitted, "The inmate is already admitted.");
        }
        if (reservation.Taken && reservation.InmateId != command.InmateId)
            return new Refusal(PrisonerNumberTaken, $"Prisoner number {number} is already used at this facility.");

        var admitted = new InmateAdmitted(command.InmateId, command.FacilityId, number, command.FullName.Trim(), cnic,
            command.Sex, command.DateOfBirth, command.LegalStatus, command.CommittalAuthority.Trim(), command.AdmittedAt,
            command.ConsentToAttribution, facility.Currency);
        return MultiStreamDecision.Accept(
            new StreamEvents(StreamIds.Inmate(command.InmateId), [admitted]),
            new StreamEvents(StreamIds.PrisonerNumber(command.FacilityId, number),
                reservation.Taken ? [] : [new PrisonerNumberReserved(command.FacilityId, number, command.InmateId)]));
    }

    public static MultiStreamDecision Decide(
        InmateState inmate, FacilityState destination, PrisonerNumberReservation reservation, TransferInmate command, DateTimeOffset now)
    {
        if (InCustody(inmate) is { } r1) return r1;
        if (!PrisonerNumbers.IsValid(command.PrisonerNumber))
            return new Refusal(InvalidPrisonerNumber, "Prisoner number must be letters, digits, '-' or '/', at most 32.");
        var at = command.TransferredAt ?? now;
        if ((Happened(inmate, at, now, "Transfer time") ?? NotBeforePlacement(inmate, at, "Transfer time")) is { } r2) return r2;
        if (!destination.Registered || destination.FacilityId != command.ToFacilityId)
            return new Refusal(FacilityNotFound, "The destination facility is not registered.");

        var number = PrisonerNumbers.Normalize(command.PrisonerNumber);
        if (inmate.FacilityId == command.ToFacilityId)
            return inmate.PrisonerNumber == number && reservation.InmateId == inmate.InmateId
                ? MultiStreamDecision.Nothing
                : new Refusal(SameFacility, "The inmate is already held at this facility.");
        if (inmate.HasActiveEnrolment)
            return new Refusal(ActiveEnrolment, "Withdraw or complete the inmate's programme before transfer.");
        if (reservation.Taken && reservation.InmateId != inmate.InmateId)
            return new Refusal(PrisonerNumberTaken, $"Prisoner number {number} is already used at the destination.");

        return MultiStreamDecision.Accept(
            new StreamEvents(StreamIds.Inmate(inmate.InmateId),
                [new InmateTransferred(inmate.InmateId, inmate.FacilityId, command.ToFacilityId, number, at)]),
            new StreamEvents(StreamIds.PrisonerNumber(command.ToFacilityId, number),
                reservation.Taken ? [] : [new PrisonerNumberReserved(command.ToFacilityId, number, inmate.InmateId)]));
    }

    public static Decision Decide(InmateState inmate, ChangeLegalStatus command, DateTimeOffset now)
    {
        if (InCustody(inmate) is { } r1) return r1;
        if (Required(command.Reference, InvalidReason, "A court reference") is { } r2) return r2;
        var at = command.ChangedAt ?? now;
        if (Happened(inmate, at, now, "Change time") is { } r3) return r3;
        if (inmate.LegalStatus == command.To) return Decision.Nothing;
        return Decision.Accept(new LegalStatusChanged(inmate.InmateId, inmate.LegalStatus, command.To, at, command.Reference.Trim()));
    }

    public static Decision Decide(InmateState inmate, GiveAttributionConsent command, DateTimeOffset now)
    {
        if (Exists(inmate) is { } r1) return r1;
        var at = command.GivenAt ?? now;
        if (Happened(inmate, at, now, "Consent time") is { } r2) return r2;
        return inmate.ConsentToAttribution ? Decision.Nothing : Decision.Accept(new AttributionConsentGiven(inmate.InmateId, at));
    }

    public static Decision Decide(InmateState inmate, WithdrawAttributionConsent command, DateTimeOffset now)
    {
        if (Exists(inmate) is { } r1) return r1;
        var at = command.WithdrawnAt ?? now;
        if (Happened(inmate, at, now, "Withdrawal time") is { } r2) return r2;
        return inmate.ConsentToAttribution ? Decision.Accept(new AttributionConsentWithdrawn(inmate.InmateId, at)) : Decision.Nothing;
    }

    public static Decision Decide(InmateState inmate, CorrectInmateRecord command, DateTimeOffset now)
    {
        if (Exists(inmate) is { } r1) return r1;
        if (Required(command.Reason, InvalidReason, "A reason for the correction") is { } r2) return r2;
        if (command.Corrections is null || command.Corrections.Count == 0)
            return Decision.Refuse(InvalidCorrection, "A correction must change at least one field.");
        if (command.Corrections.FirstOrDefault(c => !CorrectableFields.IsValid(c)) is { } bad)
            return Decision.Refuse(InvalidField, $"'{bad.Field}' cannot be corrected to '{bad.CorrectedValue}'.");
        if (command.CorrectedStreamVersion < 1 || command.CorrectedStreamVersion > inmate.Version)
            return Decision.Refuse(UnknownCorrectedEvent, $"The inmate's record has no event at version {command.CorrectedStreamVersion}.");
        return Decision.Accept(new InmateRecordCorrected(
            inmate.InmateId, command.CorrectedStreamVersion, command.CorrectedEventId, command.Corrections.ToList(), command.Reason.Trim()));
    }
}
