using System.Globalization;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Items;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Wages;

namespace SecondChance.Projections.ReadModels.Timeline;

/// <summary>
/// One line of an inmate's timeline: the English summary, and the parts it is made of (names, amounts in minor units,
/// enum names, free text) under the event's kind, so a page can say the same in another language.
/// </summary>
internal sealed record TimelineLine(Guid Inmate, DateTimeOffset? At, string Summary, IReadOnlyDictionary<string, object?> Parts);

/// <summary>Which inmates an event concerns, when it happened, and a line a welfare officer can read, naming people and things.</summary>
internal static class TimelineEvents
{
    private static string Money(long minor, string currency) => Domain.Money.Format(minor, currency);

    /// <summary>An enum value as words: <c>PieceWork</c> reads "piece work".</summary>
    private static string Words(Enum value) =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? $" {char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()));

    private static string Capitalised(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];

    private static TimelineLine Line(Guid inmate, DateTimeOffset? at, string summary, params (string Key, object? Value)[] parts) =>
        new(inmate, at, summary, parts.ToDictionary(p => p.Key, p => p.Value));

    public static IEnumerable<TimelineLine> Describe(object e, TimelineNames names) => e switch
    {
        InmateAdmitted a => [Line(a.InmateId, a.AdmittedAt, $"Admitted as {a.PrisonerNumber} ({a.LegalStatus}), committed by {a.CommittalAuthority}",
            ("prisonerNumber", a.PrisonerNumber), ("legalStatus", a.LegalStatus.ToString()), ("authority", a.CommittalAuthority))],
        InmateHoused h => [Housed(h, names.Ward(h.WardId), names.Facility(h.FacilityId))],
        MedicalScreeningRecorded m => [Line(m.InmateId, m.ScreenedAt, $"Medical screening by {m.ScreenedBy}: {m.Summary}",
            ("by", m.ScreenedBy), ("text", m.Summary))],
        SegregationStarted s => [Line(s.InmateId, s.StartedAt, $"Segregation started ({s.Reason}), authorised by {s.AuthorisedBy}",
            ("reason", s.Reason), ("by", s.AuthorisedBy))],
        SegregationEnded s => [Line(s.InmateId, s.EndedAt, $"Segregation ended ({s.Reason}), authorised by {s.AuthorisedBy}",
            ("reason", s.Reason), ("by", s.AuthorisedBy))],
        RestraintApplied r => [Line(r.InmateId, r.StartedAt,
            $"Restrained with {Words(r.Instrument)} ({Words(r.Reason)}{(r.Details.Length > 0 ? $": {r.Details}" : "")}), authorised by {r.AuthorisedBy}; "
            + (r.MedicalOfficerInformed ? "medical officer informed" : "medical officer not informed"),
            ("instrument", r.Instrument.ToString()), ("reason", r.Reason.ToString()), ("text", r.Details), ("by", r.AuthorisedBy),
            ("medicalOfficerInformed", r.MedicalOfficerInformed))],
        RestraintEnded r => [Line(r.InmateId, r.EndedAt, $"Restraint ended, authorised by {r.AuthorisedBy}", ("by", r.AuthorisedBy))],
        LabourRecorded l => [Line(l.InmateId, l.LabourStartedAt, l.LabourStartedAt == l.EndedAt
                ? $"Delivery recorded by {l.RecordedBy}"
                : $"Labour recorded by {l.RecordedBy}, until {l.EndedAt.ToUniversalTime():yyyy-MM-dd HH:mm} UTC",
            ("by", l.RecordedBy), ("until", l.EndedAt))],
        CustodyIncidentRecorded c => [Line(c.InmateId, c.OccurredAt, $"{Capitalised(Words(c.Kind))} in custody at {c.Place}: {c.Circumstances}",
            ("kind", c.Kind.ToString()), ("place", c.Place), ("text", c.Circumstances))],
        IncidentFamilyNotified n => [Line(n.InmateId, n.NotifiedAt, $"Family notified of the incident: {n.NotifiedPerson}, by {n.NotifiedBy}",
            ("person", n.NotifiedPerson), ("by", n.NotifiedBy))],
        IncidentReportedToAuthority r => [Line(r.InmateId, r.ReportedAt,
            $"Incident reported to {r.Authority}" + (r.Reference.Length > 0 ? $" ({r.Reference})" : ""), ("authority", r.Authority), ("reference", r.Reference))],
        IncidentInvestigationOpened o => [Line(o.InmateId, o.OpenedAt, $"Investigation of the incident opened by {o.Investigator}", ("by", o.Investigator))],
        IncidentInvestigationConcluded c => [Line(c.InmateId, c.ConcludedAt, $"Investigation of the incident concluded: {c.Outcome}", ("text", c.Outcome))],
        FamilyContactRecorded c => [Line(c.InmateId, c.ContactAt, c.Mode switch
            {
                ContactMode.InPerson => $"Family visit from {c.ContactName} ({Words(c.Relation)})",
                ContactMode.Video => $"Video call with {c.ContactName} ({Words(c.Relation)})",
                _ => $"Phone call with {c.ContactName} ({Words(c.Relation)})",
            }, ("name", c.ContactName), ("relation", c.Relation.ToString()), ("mode", c.Mode.ToString()))],
        FamilyVisitRefused v => [Line(v.InmateId, v.RefusedAt, $"Visit by {v.VisitorName} ({Words(v.Relation)}) refused by {v.RefusedBy}: {v.Reason}",
            ("name", v.VisitorName), ("relation", v.Relation.ToString()), ("by", v.RefusedBy), ("reason", v.Reason))],
        InmateTransferred t => [Line(t.InmateId, t.TransferredAt, $"Transferred to {names.Facility(t.ToFacilityId)} as {t.PrisonerNumber}",
            ("facility", names.Facility(t.ToFacilityId)), ("prisonerNumber", t.PrisonerNumber))],
        LegalStatusChanged l => [Line(l.InmateId, l.ChangedAt, $"Legal status {l.From} → {l.To} ({l.Reference})",
            ("from", l.From.ToString()), ("to", l.To.ToString()), ("reference", l.Reference))],
        InmateEnrolled en => [Line(en.InmateId, en.EnrolledAt, $"Enrolled in {names.Programme(en.ProgrammeId)}",
            ("programme", names.Programme(en.ProgrammeId)))],
        InmateWithdrewFromProgramme w => [Line(w.InmateId, w.WithdrewAt, $"Withdrew from {names.Programme(w.ProgrammeId)}: {w.Reason}",
            ("programme", names.Programme(w.ProgrammeId)), ("reason", w.Reason))],
        InmateCompletedProgramme c => [Line(c.InmateId, c.CompletedAt, $"Completed {names.Programme(c.ProgrammeId)}",
            ("programme", names.Programme(c.ProgrammeId)))],
        SkillCertified s => [Line(s.InmateId, s.CertifiedAt, $"Certified in {s.Skill} ({s.Level}) by {s.Assessor}, certificate {s.CertificateNumber}",
            ("skill", s.Skill), ("level", s.Level), ("by", s.Assessor), ("certificate", s.CertificateNumber))],
        MentorAssigned m => [Line(m.InmateId, m.AssignedAt, $"Mentor {names.Mentor(m.MentorId)} assigned", ("mentor", names.Mentor(m.MentorId)))],
        MentorUnassigned m => [Line(m.InmateId, m.UnassignedAt, $"Mentor {names.Mentor(m.MentorId)} unassigned: {m.Reason}",
            ("mentor", names.Mentor(m.MentorId)), ("reason", m.Reason))],
        MentoringContactRecorded m => [Line(m.InmateId, m.ContactAt, $"Mentoring contact with {names.Mentor(m.MentorId)} ({Words(m.Mode)}, {Words(m.Phase)}): {m.Summary}",
            ("mentor", names.Mentor(m.MentorId)), ("mode", m.Mode.ToString()), ("phase", m.Phase.ToString()), ("text", m.Summary))],
        ReleasePlanned r => [Line(r.InmateId, r.PlannedAt, $"Release planned for {r.ExpectedReleaseDate:yyyy-MM-dd}",
            ("date", r.ExpectedReleaseDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))],
        InmateReleased r => [Line(r.InmateId, r.ReleasedAt, $"Released: {r.Reason}", ("reason", r.Reason))],
        PostReleaseFollowUpRecorded f => [Line(f.InmateId, f.FollowedUpAt, $"Follow-up after release: {Words(f.Outcome)}; employment {Words(f.Employment)}, housing {Words(f.Housing)}",
            ("outcome", f.Outcome.ToString()), ("employment", f.Employment.ToString()), ("housing", f.Housing.ToString()))],
        AttributionConsentGiven c => [Line(c.InmateId, c.GivenAt, "Consented to be named as maker")],
        AttributionConsentWithdrawn c => [Line(c.InmateId, c.WithdrawnAt, "Withdrew consent to be named as maker")],
        CertificateRevoked r => [Line(r.InmateId, r.RevokedAt, $"Certificate {r.CertificateNumber} revoked: {r.Reason}",
            ("certificate", r.CertificateNumber), ("reason", r.Reason))],
        CertificateHolderConsentGiven c => [Line(c.InmateId, c.GivenAt, $"Consented to be named when certificate {c.CertificateNumber} is verified",
            ("certificate", c.CertificateNumber))],
        CertificateHolderConsentWithdrawn c => [Line(c.InmateId, c.WithdrawnAt, $"Withdrew consent to be named when certificate {c.CertificateNumber} is verified",
            ("certificate", c.CertificateNumber))],
        InmateRecordCorrected c => [Line(c.InmateId, null,
            $"Record corrected (version {c.CorrectedStreamVersion}): {string.Join(", ", c.Corrections.Select(f => f.Field))}; {c.Reason}",
            ("version", c.CorrectedStreamVersion), ("fields", string.Join(", ", c.Corrections.Select(f => f.Field))), ("reason", c.Reason))],
        WageCredited w => [Line(w.InmateId, w.CreditedAt, $"{Capitalised(Words(w.Kind))} credited {Money(w.AmountMinor, w.Currency)}: {w.Description}",
            ("kind", w.Kind.ToString()), ("amountMinor", w.AmountMinor), ("currency", w.Currency), ("description", w.Description))],
        ShareOfSaleCredited s => [Line(s.InmateId, s.CreditedAt, $"Share of sale credited {Money(s.AmountMinor, s.Currency)} for {names.Item(s.ItemId)}",
            ("amountMinor", s.AmountMinor), ("currency", s.Currency), ("item", names.Item(s.ItemId)))],
        DeductionPosted d => [Line(d.InmateId, d.PostedAt, $"Deduction {Money(d.AmountMinor, d.Currency)}: {d.Reason}",
            ("amountMinor", d.AmountMinor), ("currency", d.Currency), ("reason", d.Reason))],
        FamilyRemittanceSent f => [Line(f.InmateId, f.SentAt, $"Sent {Money(f.AmountMinor, f.Currency)} from {Words(f.From)} to {f.Recipient}",
            ("amountMinor", f.AmountMinor), ("currency", f.Currency), ("from", f.From.ToString()), ("recipient", f.Recipient))],
        ReleasePayoutMade p => [Line(p.InmateId, p.PaidAt, $"Paid out at release {Money(p.SpendableMinor + p.SavingsMinor, p.Currency)}",
            ("amountMinor", p.SpendableMinor + p.SavingsMinor), ("currency", p.Currency))],
        PostingReversed r => [Reversed(r)],
        ItemProduced i => i.Makers.Select(m => Line(m.InmateId, i.ProducedAt, $"Made {i.Description} ({i.Craft}, {m.MinutesWorked} minutes)",
            ("item", i.Description), ("craft", i.Craft.ToString()), ("minutes", m.MinutesWorked))),
        _ => [],
    };

    private static TimelineLine Housed(InmateHoused h, string ward, string facility) =>
        Line(h.InmateId, h.HousedAt, $"Housed in {ward}, {facility}" + (h.JuvenileOverrideReason is { } r ? $"; override: {r}" : ""),
            ("ward", ward), ("facility", facility), ("reason", h.JuvenileOverrideReason));

    private static TimelineLine Reversed(PostingReversed r)
    {
        var change = r.SpendableDeltaMinor + r.SavingsDeltaMinor + r.FamilyDeltaMinor;
        return Line(r.InmateId, r.ReversedAt, $"Earlier posting reversed ({Money(change, r.Currency)}): {r.Reason}",
            ("amountMinor", change), ("currency", r.Currency), ("reason", r.Reason));
    }
}
