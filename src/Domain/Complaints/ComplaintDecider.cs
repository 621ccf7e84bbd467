using SecondChance.Domain.Inmates;
using static SecondChance.Domain.RefusalCodes;
using static SecondChance.Domain.Inmates.InmateGuards;

namespace SecondChance.Domain.Complaints;

/// <summary>
/// Lodged → acknowledged → investigated → decided → appealed, each step once and in that order, dated no earlier than
/// the step before. Oversight handles what is addressed to it; a confidential complaint that has not been disclosed
/// does not exist for anyone else (the same refusal as an unknown id, so nothing about it leaks).
/// </summary>
public static class ComplaintDecider
{
    public static Decision Decide(ComplaintsState complaints, InmateState inmate, LodgeComplaint c, DateTimeOffset now)
    {
        if (Exists(inmate) is { } r1) return r1;
        if (!Enum.IsDefined(c.Channel) || !Enum.IsDefined(c.Complainant) || !Enum.IsDefined(c.Category))
            return Decision.Refuse(InvalidField, "Channel, complainant and category must be one of the listed values.");
        if (c.Channel == ComplaintChannel.ToOversight && !c.ByOversight)
            return Decision.Refuse(ComplaintHandledByOversight,
                "Only the oversight body records a complaint addressed to it; staff record the complaints lodged with them.");
        if (Required(c.ComplainantName, InvalidName, "Who lodged the complaint") is { } r2) return r2;
        if (Required(c.Account, InvalidReason, "The complaint's account") is { } r3) return r3;
        if (Required(c.RecordedBy, InvalidName, "Who recorded the complaint") is { } r4) return r4;
        var at = c.LodgedAt ?? now;
        if (Happened(inmate, at, now, "Lodging time") is { } r5) return r5;
        if (complaints.Find(c.ComplaintId) is not null) return Decision.Refuse(ComplaintAlreadyLodged, "A complaint with this id has been lodged already.");
        return Decision.Accept(new ComplaintLodged(c.ComplaintId, inmate.InmateId, inmate.FacilityId, c.Channel, c.Complainant, c.ComplainantName.Trim(),
            c.Category, c.AboutStaff, c.Account.Trim(), c.RecordedBy.Trim(), at));
    }

    public static Decision Decide(ComplaintsState complaints, AcknowledgeComplaint c, DateTimeOffset now) =>
        Step(complaints, c.ComplaintId, c.ByOversight, c.At ?? now, now, ComplaintStage.Lodged, "acknowledged",
            () => Required(c.By, InvalidName, "Who acknowledged the complaint"),
            at => new ComplaintAcknowledged(c.ComplaintId, complaints.InmateId, c.By.Trim(), at));

    public static Decision Decide(ComplaintsState complaints, OpenComplaintInvestigation c, DateTimeOffset now) =>
        Step(complaints, c.ComplaintId, c.ByOversight, c.At ?? now, now, ComplaintStage.Acknowledged, "investigated",
            () => Required(c.Investigator, InvalidName, "The investigator"),
            at => new ComplaintInvestigationOpened(c.ComplaintId, complaints.InmateId, c.Investigator.Trim(), at));

    public static Decision Decide(ComplaintsState complaints, DecideComplaint c, DateTimeOffset now) =>
        Step(complaints, c.ComplaintId, c.ByOversight, c.At ?? now, now, ComplaintStage.Investigated, "decided",
            () => !Enum.IsDefined(c.Outcome) ? new Refusal(InvalidField, "The outcome must be Upheld or NotUpheld.")
                : c.Outcome == ComplaintOutcome.Upheld && string.IsNullOrWhiteSpace(c.Remedy)
                    ? new Refusal(RemedyRequired, "An upheld complaint needs the remedy decided.")
                    : Required(c.By, InvalidName, "Who decided the complaint"),
            at => new ComplaintDecided(c.ComplaintId, complaints.InmateId, c.Outcome, string.IsNullOrWhiteSpace(c.Remedy) ? null : c.Remedy.Trim(), c.By.Trim(), at));

    public static Decision Decide(ComplaintsState complaints, AppealComplaint c, DateTimeOffset now) =>
        Step(complaints, c.ComplaintId, c.ByOversight, c.At ?? now, now, ComplaintStage.Decided, "appealed",
            () => Required(c.Grounds, InvalidReason, "The grounds of appeal"),
            at => new ComplaintAppealed(c.ComplaintId, complaints.InmateId, c.Grounds.Trim(), at));

    public static Decision Decide(ComplaintsState complaints, DiscloseComplaint c, DateTimeOffset now)
    {
        var byOversight = c.ByOversight;
        if (Visible(complaints, c.ComplaintId, byOversight) is not { } complaint)
            return Decision.Refuse(ComplaintNotFound, "No complaint has this id.");
        if (!byOversight) return Decision.Refuse(ComplaintHandledByOversight, "Only the oversight body discloses a complaint addressed to it.");
        if (complaint.Channel != ComplaintChannel.ToOversight)
            return Decision.Refuse(ComplaintNotConfidential, "The complaint was lodged through staff: the facility knows of it already.");
        if (complaint.Disclosed) return Decision.Refuse(ComplaintAlreadyDisclosed, "The complaint has been disclosed already.");
        if ((Required(c.By, InvalidName, "Who disclosed the complaint") ?? Required(c.Reason, InvalidReason, "The reason for disclosing")) is { } r) return r;
        var at = c.At ?? now;
        if (NotInFuture(at, now, "Disclosure time") is { } r2) return r2;
        if (at < complaint.LodgedAt) return Decision.Refuse(EndsBeforeStart, $"The complaint was lodged at {Stamp(complaint.LodgedAt)}; it cannot be disclosed before.");
        return Decision.Accept(new ComplaintDisclosed(c.ComplaintId, complaints.InmateId, c.By.Trim(), c.Reason.Trim(), at));
    }

    private static Complaint? Visible(ComplaintsState complaints, Guid id, bool byOversight) =>
        complaints.Find(id) is { } c && (byOversight || !c.Hidden) ? c : null;

    private static Decision Step(ComplaintsState complaints, Guid id, bool byOversight, DateTimeOffset at, DateTimeOffset now,
        ComplaintStage after, string step, Func<Refusal?> validate, Func<DateTimeOffset, object> happened)
    {
        if (Visible(complaints, id, byOversight) is not { } complaint) return Decision.Refuse(ComplaintNotFound, "No complaint has this id.");
        if (complaint.Channel == ComplaintChannel.ToOversight && !byOversight)
            return Decision.Refuse(ComplaintHandledByOversight, "The oversight body handles this complaint.");
        if (validate() is { } invalid) return invalid;
        if (complaint.Stage != after)
            return Decision.Refuse(ComplaintStepOutOfOrder,
                $"The complaint is {complaint.Stage.ToString().ToLowerInvariant()}; it can be {step} only once it is {after.ToString().ToLowerInvariant()}.");
        if (NotInFuture(at, now, "The step's time") is { } future) return future;
        if (at < complaint.LastStepAt)
            return Decision.Refuse(EndsBeforeStart, $"The complaint's last step was at {Stamp(complaint.LastStepAt)}; it cannot be {step} before that.");
        return Decision.Accept(happened(at));
    }
}
