using SecondChance.Domain.Facilities;
using static SecondChance.Domain.Inmates.InmateGuards;
using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Inmates;

public static partial class InmateDecider
{
    public static Decision Decide(InmateState inmate, FacilityState facility, HouseInmate command, DateTimeOffset now)
    {
        if (InCustody(inmate) is { } r1) return r1;
        var at = command.HousedAt ?? now;
        if ((Happened(inmate, at, now, "Housing time") ?? NotBeforePlacement(inmate, at, "Housing time")) is { } r2) return r2;
        if (!facility.Registered || facility.FacilityId != inmate.FacilityId)
            return Decision.Refuse(WrongFacility, "The ward's facility is not where the inmate is held.");
        if (!facility.Wards.TryGetValue(command.WardId, out var ward))
            return Decision.Refuse(WardNotFound, "The facility has no such ward.");
        if (inmate.WardId == ward.WardId) return Decision.Nothing;

        if (ward.IsFemale != (inmate.Sex == Sex.Female))
            return Decision.Refuse(WardSexMismatch, inmate.Sex == Sex.Female
                ? "A woman cannot be housed in a male ward."
                : "A man cannot be housed in a female ward.");

        var juvenile = inmate.IsJuvenileOn(facility.LocalDate(at));
        string? overrideReason = null;
        if (juvenile && !ward.IsJuvenile)
        {
            if (string.IsNullOrWhiteSpace(command.JuvenileOverrideReason))
                return Decision.Refuse(JuvenileInAdultWard, "A juvenile may be housed in an adult ward only with a recorded override reason.");
            overrideReason = command.JuvenileOverrideReason.Trim();
        }
        if (!juvenile && ward.IsJuvenile)
            return Decision.Refuse(AdultInJuvenileWard, "An adult cannot be housed in a juvenile ward.");

        var designationClash = (ward.Designation, inmate.LegalStatus) is
            (WardDesignation.Untried, LegalStatus.Convicted) or (WardDesignation.Convicted, LegalStatus.Remand);
        if (facility.SeparatesUntriedFromConvicted && designationClash)
            return Decision.Refuse(WardLegalStatusMismatch, "Untried and convicted prisoners are held apart at this facility.");

        return Decision.Accept(new InmateHoused(inmate.InmateId, facility.FacilityId, ward.WardId, ward.Category, overrideReason, at));
    }

    public static Decision Decide(InmateState inmate, RecordMedicalScreening command, DateTimeOffset now)
    {
        if (InCustody(inmate) is { } r1) return r1;
        if (Required(command.ScreenedBy, InvalidName, "Who screened the inmate") is { } r2) return r2;
        var at = command.ScreenedAt ?? now;
        if (Happened(inmate, at, now, "Screening time") is { } r3) return r3;
        if (command.FemaleEntryScreening is { } female)
        {
            if (inmate.Sex != Sex.Female)
                return Decision.Refuse(FemaleScreeningOnlyForWomen, "Pregnancy and children screening applies to women.");
            if (female.ChildrenAccompanying < 0 || female.ChildrenOutside < 0)
                return Decision.Refuse(InvalidField, "Number of children cannot be negative.");
        }
        return Decision.Accept(new MedicalScreeningRecorded(
            inmate.InmateId, at, command.ScreenedBy.Trim(), command.Summary.Trim(), command.FemaleEntryScreening));
    }

    public static Decision Decide(InmateState inmate, StartSegregation command, DateTimeOffset now)
    {
        if (InCustody(inmate) is { } r1) return r1;
        if (Required(command.Reason, InvalidReason, "A reason for segregation") is { } r2) return r2;
        if (Required(command.AuthorisedBy, InvalidName, "Who authorised segregation") is { } r3) return r3;
        var at = command.StartedAt ?? now;
        if (Happened(inmate, at, now, "Start time") is { } r4) return r4;
        if (inmate.Segregated) return Decision.Refuse(AlreadySegregated, "The inmate is already segregated.");
        return Decision.Accept(new SegregationStarted(inmate.InmateId, command.Reason.Trim(), command.AuthorisedBy.Trim(), at));
    }

    public static Decision Decide(InmateState inmate, EndSegregation command, DateTimeOffset now)
    {
        if (InCustody(inmate) is { } r1) return r1;
        if (Required(command.Reason, InvalidReason, "A reason for ending segregation") is { } r2) return r2;
        if (Required(command.AuthorisedBy, InvalidName, "Who authorised the end") is { } r3) return r3;
        var at = command.EndedAt ?? now;
        if (Happened(inmate, at, now, "End time") is { } r4) return r4;
        if (inmate.SegregatedSince is not { } since) return Decision.Refuse(NotSegregated, "The inmate is not segregated.");
        if (at < since)
            return Decision.Refuse(EndsBeforeStart, $"Segregation started at {Stamp(since)}; it cannot end before it starts.");
        return Decision.Accept(new SegregationEnded(inmate.InmateId, command.Reason.Trim(), command.AuthorisedBy.Trim(), at));
    }
}
