using SecondChance.Domain;
using SecondChance.Domain.Access;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Mentors;
using SecondChance.EventStore;
using SecondChance.EventStore.Privacy;

namespace SecondChance.Application;

/// <summary>
/// The event store's registry of every domain event under its stable alias, with the fields that hold personal data
/// (names, identity numbers, health details, mentoring and follow-up notes) encrypted under the person's own key.
/// </summary>
public static class SecondChanceEventTypes
{
    private static readonly Dictionary<Type, PersonalDataSpec> PersonalData = new()
    {
        [typeof(InmateAdmitted)] = Inmate(nameof(InmateAdmitted.FullName), nameof(InmateAdmitted.Cnic)),
        [typeof(MedicalScreeningRecorded)] = Inmate(nameof(MedicalScreeningRecorded.Summary), nameof(MedicalScreeningRecorded.FemaleEntryScreening)),
        [typeof(MentoringContactRecorded)] = Inmate(nameof(MentoringContactRecorded.Summary)),
        [typeof(PostReleaseFollowUpRecorded)] = Inmate(nameof(PostReleaseFollowUpRecorded.Notes)),
        [typeof(InmateRecordCorrected)] = Inmate(nameof(InmateRecordCorrected.Corrections)),
        [typeof(MentorRegistered)] = new(nameof(MentorRegistered.MentorId),
            [nameof(MentorRegistered.FullName), nameof(MentorRegistered.Cnic), nameof(MentorRegistered.Phone)]),
        [typeof(UserRegistered)] = new(nameof(UserRegistered.UserId), [nameof(UserRegistered.DisplayName), nameof(UserRegistered.PasswordHash)]),
        [typeof(UserPasswordChanged)] = new(nameof(UserPasswordChanged.UserId), [nameof(UserPasswordChanged.PasswordHash)]),
    };

    private static PersonalDataSpec Inmate(params string[] fields) => new(nameof(InmateAdmitted.InmateId), fields);

    public static EventTypeRegistry CreateRegistry()
    {
        var registry = new EventTypeRegistry();
        foreach (var (type, alias) in DomainEventTypes.All) registry.Register(type, alias, PersonalData.GetValueOrDefault(type));
        return registry;
    }
}
