using SecondChance.Domain.Access;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Items;
using SecondChance.Domain.Mentors;
using SecondChance.Domain.Programmes;
using SecondChance.Integrity.Events;

namespace SecondChance.Projections.ReadModels.Timeline;

/// <summary>
/// The names the timeline shows instead of ids (facilities, wards, programmes, mentors, items, users), learnt from the
/// events that give them and kept in the projection's own names table, so a line is written once with its names.
/// </summary>
internal sealed class TimelineNames
{
    private readonly Dictionary<Guid, string> _names = new();
    private readonly Dictionary<Guid, string> _learnt = new();

    public IReadOnlyDictionary<Guid, string> Learnt => _learnt;

    public void Add(Guid id, string name) => _names[id] = name;

    /// <summary>Ids this batch refers to without naming them itself: the ones to read from the names table.</summary>
    public static IEnumerable<Guid> Referenced(IEnumerable<StoredEvent> events) => events.SelectMany(e => (e.Data switch
    {
        Domain.Inmates.InmateHoused h => [h.WardId, h.FacilityId],
        Domain.Inmates.InmateTransferred t => [t.ToFacilityId],
        Domain.Inmates.InmateEnrolled x => [x.ProgrammeId],
        Domain.Inmates.InmateWithdrewFromProgramme x => [x.ProgrammeId],
        Domain.Inmates.InmateCompletedProgramme x => [x.ProgrammeId],
        Domain.Inmates.MentorAssigned x => [x.MentorId],
        Domain.Inmates.MentorUnassigned x => [x.MentorId],
        Domain.Inmates.MentoringContactRecorded x => [x.MentorId],
        Domain.Wages.ShareOfSaleCredited x => [x.ItemId],
        ProgrammeOpened p => [p.FacilityId],
        _ when VentureTimeline.VentureOf(e.Data) is { } venture => [venture],
        _ => Array.Empty<Guid>(),
    }).Concat(UserOf(e.Actor) is { } user ? [user.Id] : Array.Empty<Guid>())).Distinct();

    /// <summary>Learns the name an event gives, before the event's own lines are described.</summary>
    public void Learn(object e)
    {
        switch (e)
        {
            case FacilityRegistered f: Set(f.FacilityId, f.Name); break;
            case WardAdded w: Set(w.WardId, w.Name); break;
            case ProgrammeOpened p: Set(p.ProgrammeId, $"{p.Name} ({Facility(p.FacilityId)})"); break;
            case MentorRegistered m: Set(m.MentorId, string.IsNullOrWhiteSpace(m.Organisation) ? m.FullName : $"{m.FullName} ({m.Organisation})"); break;
            case ItemProduced i: Set(i.ItemId, i.Description); break;
            case UserRegistered u: Set(u.UserId, u.DisplayName); break;
            case Domain.Ventures.VentureProposed v: Set(v.VentureId, v.Name); break;
        }
    }

    private void Set(Guid id, string name)
    {
        _names[id] = name;
        _learnt[id] = name;
    }

    private string Of(Guid id, string kind) => _names.TryGetValue(id, out var name) ? name : $"{kind} {id:N}";

    public string Facility(Guid id) => Of(id, "facility");
    public string Ward(Guid id) => Of(id, "ward");
    public string Programme(Guid id) => Of(id, "programme");
    public string Mentor(Guid id) => Of(id, "mentor");
    public string Item(Guid id) => Of(id, "item");
    public string Venture(Guid id) => Of(id, "venture");

    /// <summary>Who recorded it: a user's display name (the username until the user's registration is seen); null for other actors.</summary>
    public string? RecordedBy(string? actor) => UserOf(actor) is { } user ? _names.GetValueOrDefault(user.Id, user.Username) : null;

    /// <summary>The user in an actor of the form <c>user:{id}:{username}</c>.</summary>
    private static (Guid Id, string Username)? UserOf(string? actor)
    {
        if (actor is null || !actor.StartsWith("user:", StringComparison.Ordinal)) return null;
        var parts = actor.Split(':', 3);
        return parts.Length == 3 && Guid.TryParse(parts[1], out var id) ? (id, parts[2]) : null;
    }
}
