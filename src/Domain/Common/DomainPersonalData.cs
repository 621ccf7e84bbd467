using SecondChance.Domain.Access;
using SecondChance.Domain.Complaints;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Mentors;

namespace SecondChance.Domain;

/// <summary>
/// Which event properties hold personal data (names, identity numbers, health details, mentoring and follow-up notes,
/// credentials) and which property names the person whose own key encrypts them. Both event stores read this list.
/// </summary>
public static class DomainPersonalData
{
    public static IReadOnlyList<(Type Type, string SubjectProperty, IReadOnlyList<string> Properties)> All { get; } =
    [
        Inmate(typeof(InmateAdmitted), nameof(InmateAdmitted.FullName), nameof(InmateAdmitted.Cnic)),
        Inmate(typeof(MedicalScreeningRecorded), nameof(MedicalScreeningRecorded.Summary), nameof(MedicalScreeningRecorded.FemaleEntryScreening)),
        Inmate(typeof(MentoringContactRecorded), nameof(MentoringContactRecorded.Summary)),
        Inmate(typeof(PostReleaseFollowUpRecorded), nameof(PostReleaseFollowUpRecorded.Notes)),
        Inmate(typeof(InmateRecordCorrected), nameof(InmateRecordCorrected.Corrections)),
        Inmate(typeof(ComplaintLodged), nameof(ComplaintLodged.ComplainantName), nameof(ComplaintLodged.Account)),
        Inmate(typeof(ComplaintAppealed), nameof(ComplaintAppealed.Grounds)),
        Inmate(typeof(PlanGoalReviewed), nameof(PlanGoalReviewed.Note)),
        Inmate(typeof(CustodyIncidentRecorded), nameof(CustodyIncidentRecorded.Circumstances)),
        Inmate(typeof(IncidentFamilyNotified), nameof(IncidentFamilyNotified.NotifiedPerson)),
        Inmate(typeof(FamilyContactRecorded), nameof(FamilyContactRecorded.ContactName)),
        Inmate(typeof(FamilyVisitRefused), nameof(FamilyVisitRefused.VisitorName)),
        (typeof(MentorRegistered), nameof(MentorRegistered.MentorId),
            [nameof(MentorRegistered.FullName), nameof(MentorRegistered.Cnic), nameof(MentorRegistered.Phone)]),
        (typeof(UserRegistered), nameof(UserRegistered.UserId), [nameof(UserRegistered.DisplayName), nameof(UserRegistered.PasswordHash)]),
        (typeof(UserPasswordChanged), nameof(UserPasswordChanged.UserId), [nameof(UserPasswordChanged.PasswordHash)]),
    ];

    private static (Type, string, IReadOnlyList<string>) Inmate(Type type, params string[] fields) =>
        (type, nameof(InmateAdmitted.InmateId), fields);
}
