using static SecondChance.Domain.Inmates.InmateGuards;
using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Inmates;

/// <summary>
/// Deaths, serious injuries and disappearances in custody and their follow-ups (Mandela Rules 69–72). Follow-ups stay
/// open to record after a death or a release: the duty to notify, report and investigate outlives custody.
/// </summary>
public static partial class InmateDecider
{
    public const int MaxCircumstancesLength = 4000;

    public static Decision Decide(InmateState inmate, RecordCustodyIncident command, DateTimeOffset now)
    {
        if (InCustody(inmate) is { } r1) return r1;
        if (Required(command.Place, InvalidField, "Where it happened") is { } r2) return r2;
        if (Required(command.Circumstances, InvalidField, "What is known") is { } r3) return r3;
        if (command.Circumstances.Length > MaxCircumstancesLength)
            return Decision.Refuse(InvalidField, $"What is known is at most {MaxCircumstancesLength} characters.");
        if (Happened(inmate, command.OccurredAt, now, "The time of the incident") is { } r4) return r4;
        if (inmate.Incident(command.IncidentId) is not null)
            return Decision.Refuse(IncidentAlreadyRecorded, "An incident with this id is already recorded.");
        return Decision.Accept(new CustodyIncidentRecorded(inmate.InmateId, command.IncidentId, command.Kind, command.OccurredAt,
            command.Place.Trim(), command.Circumstances.Trim()));
    }

    public static Decision Decide(InmateState inmate, NotifyFamilyOfIncident command, DateTimeOffset now)
    {
        if (Required(command.NotifiedPerson, InvalidName, "Who in the family was notified") is { } r1) return r1;
        if (Required(command.NotifiedBy, InvalidName, "Who notified the family") is { } r2) return r2;
        var at = command.NotifiedAt ?? now;
        if (FollowUp(inmate, command.IncidentId, at, now, "The notification", i => i.FamilyNotifiedAt, "The family's notification") is { } r3) return r3;
        return Decision.Accept(new IncidentFamilyNotified(inmate.InmateId, command.IncidentId, command.NotifiedPerson.Trim(), command.NotifiedBy.Trim(), at));
    }

    public static Decision Decide(InmateState inmate, ReportIncidentToAuthority command, DateTimeOffset now)
    {
        if (Required(command.Authority, InvalidName, "The independent authority reported to") is { } r1) return r1;
        var at = command.ReportedAt ?? now;
        if (FollowUp(inmate, command.IncidentId, at, now, "The report", i => i.ReportedAt, "The report to an independent authority") is { } r2) return r2;
        return Decision.Accept(new IncidentReportedToAuthority(inmate.InmateId, command.IncidentId, command.Authority.Trim(),
            (command.Reference ?? "").Trim(), at));
    }

    public static Decision Decide(InmateState inmate, OpenIncidentInvestigation command, DateTimeOffset now)
    {
        if (Required(command.Investigator, InvalidName, "Who investigates") is { } r1) return r1;
        var at = command.OpenedAt ?? now;
        if (FollowUp(inmate, command.IncidentId, at, now, "The investigation", i => i.InvestigationOpenedAt, "The investigation") is { } r2) return r2;
        return Decision.Accept(new IncidentInvestigationOpened(inmate.InmateId, command.IncidentId, command.Investigator.Trim(), at));
    }

    public static Decision Decide(InmateState inmate, ConcludeIncidentInvestigation command, DateTimeOffset now)
    {
        if (Required(command.Outcome, InvalidReason, "The investigation's outcome") is { } r1) return r1;
        var at = command.ConcludedAt ?? now;
        if (FollowUp(inmate, command.IncidentId, at, now, "The conclusion", i => i.ConcludedAt, "The investigation's conclusion") is { } r2) return r2;
        if (inmate.Incident(command.IncidentId)!.InvestigationOpenedAt is not { } opened)
            return Decision.Refuse(InvestigationNotOpened, "No investigation of this incident has been opened.");
        if (at < opened)
            return Decision.Refuse(EndsBeforeStart, $"The investigation was opened at {Stamp(opened)}; it cannot conclude before it opens.");
        return Decision.Accept(new IncidentInvestigationConcluded(inmate.InmateId, command.IncidentId, command.Outcome.Trim(), at));
    }

    private static Refusal? FollowUp(InmateState inmate, Guid incidentId, DateTimeOffset at, DateTimeOffset now, string what,
        Func<CustodyIncident, DateTimeOffset?> recorded, string step)
    {
        if (Admitted(inmate) is { } r1) return r1;
        if (inmate.Incident(incidentId) is not { } incident) return new Refusal(IncidentNotFound, "The inmate has no incident with this id.");
        if (NotInFuture(at, now, what) is { } r2) return r2;
        if (at < incident.OccurredAt)
            return new Refusal(BeforeIncident, $"{what} ({Stamp(at)}) is before the incident ({Stamp(incident.OccurredAt)}).");
        if (recorded(incident) is { } done) return new Refusal(IncidentStepAlreadyRecorded, $"{step} was already recorded at {Stamp(done)}.");
        return null;
    }
}
