using System.Globalization;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Items;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Wages;

namespace SecondChance.Projections.ReadModels.Timeline;

/// <summary>Which inmates an event concerns, when it happened, and a line a welfare officer can read.</summary>
internal static class TimelineEvents
{
    private static string Money(long minor, string currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{currency} {minor / 100m:0.00}");

    public static IEnumerable<(Guid Inmate, DateTimeOffset? At, string Summary)> Describe(object e) => e switch
    {
        InmateAdmitted a => [(a.InmateId, a.AdmittedAt, $"Admitted as {a.PrisonerNumber} ({a.LegalStatus}), committed by {a.CommittalAuthority}")],
        InmateHoused h => [(h.InmateId, h.HousedAt, $"Housed in ward {h.WardId:N} ({h.WardCategory})" + (h.JuvenileOverrideReason is { } r ? $"; override: {r}" : ""))],
        MedicalScreeningRecorded m => [(m.InmateId, m.ScreenedAt, $"Medical screening by {m.ScreenedBy}: {m.Summary}")],
        SegregationStarted s => [(s.InmateId, s.StartedAt, $"Segregation started ({s.Reason}), authorised by {s.AuthorisedBy}")],
        SegregationEnded s => [(s.InmateId, s.EndedAt, $"Segregation ended ({s.Reason}), authorised by {s.AuthorisedBy}")],
        InmateTransferred t => [(t.InmateId, t.TransferredAt, $"Transferred to facility {t.ToFacilityId:N} as {t.PrisonerNumber}")],
        LegalStatusChanged l => [(l.InmateId, l.ChangedAt, $"Legal status {l.From} → {l.To} ({l.Reference})")],
        InmateEnrolled en => [(en.InmateId, en.EnrolledAt, $"Enrolled in programme {en.ProgrammeId:N}")],
        InmateWithdrewFromProgramme w => [(w.InmateId, w.WithdrewAt, $"Withdrew from programme {w.ProgrammeId:N}: {w.Reason}")],
        InmateCompletedProgramme c => [(c.InmateId, c.CompletedAt, $"Completed programme {c.ProgrammeId:N}")],
        SkillCertified s => [(s.InmateId, s.CertifiedAt, $"Certified in {s.Skill} ({s.Level}) by {s.Assessor}, certificate {s.CertificateNumber}")],
        MentorAssigned m => [(m.InmateId, m.AssignedAt, $"Mentor {m.MentorId:N} assigned")],
        MentorUnassigned m => [(m.InmateId, m.UnassignedAt, $"Mentor {m.MentorId:N} unassigned: {m.Reason}")],
        MentoringContactRecorded m => [(m.InmateId, m.ContactAt, $"Mentoring contact ({m.Mode}, {m.Phase}): {m.Summary}")],
        ReleasePlanned r => [(r.InmateId, r.PlannedAt, $"Release planned for {r.ExpectedReleaseDate:yyyy-MM-dd}")],
        InmateReleased r => [(r.InmateId, r.ReleasedAt, $"Released: {r.Reason}")],
        PostReleaseFollowUpRecorded f => [(f.InmateId, f.FollowedUpAt, $"Follow-up after release: {f.Outcome}; employment {f.Employment}, housing {f.Housing}")],
        AttributionConsentGiven c => [(c.InmateId, c.GivenAt, "Consented to be named as maker")],
        AttributionConsentWithdrawn c => [(c.InmateId, c.WithdrawnAt, "Withdrew consent to be named as maker")],
        InmateRecordCorrected c => [(c.InmateId, null,
            $"Record corrected (version {c.CorrectedStreamVersion}): {string.Join(", ", c.Corrections.Select(f => f.Field))}; {c.Reason}")],
        WageCredited w => [(w.InmateId, w.CreditedAt, $"{w.Kind} credited {Money(w.AmountMinor, w.Currency)}: {w.Description}")],
        ShareOfSaleCredited s => [(s.InmateId, s.CreditedAt, $"Share of sale credited {Money(s.AmountMinor, s.Currency)} (item {s.ItemId:N})")],
        DeductionPosted d => [(d.InmateId, d.PostedAt, $"Deduction {Money(d.AmountMinor, d.Currency)}: {d.Reason}")],
        FamilyRemittanceSent f => [(f.InmateId, f.SentAt, $"Sent {Money(f.AmountMinor, f.Currency)} from {f.From} to {f.Recipient}")],
        ReleasePayoutMade p => [(p.InmateId, p.PaidAt, $"Paid out at release {Money(p.SpendableMinor + p.SavingsMinor, p.Currency)}")],
        PostingReversed r => [(r.InmateId, r.ReversedAt, $"Posting {r.ReversedPostingId:N} reversed: {r.Reason}")],
        ItemProduced i => i.Makers.Select(m => (m.InmateId, (DateTimeOffset?)i.ProducedAt,
            $"Made {i.Description} ({i.Craft}, {m.MinutesWorked} minutes)")),
        _ => [],
    };
}
