using System.Security.Claims;
using SecondChance.Domain.Access;

namespace SecondChance.Host.Security;

/// <summary>
/// Which facilities a user may read records of. Facility staff and instructors do their job at their own facilities:
/// they read what lies at a facility they hold a grant for, or where a programme they teach runs. Administrators,
/// auditors, oversight and mentor coordinators work across facilities and read everywhere (oversight without names
/// unless granted; see <see cref="PersonalDataRedaction"/>).
/// </summary>
public sealed class ReadScope(ScopeLookup lookup)
{
    private static readonly Role[] AcrossFacilities = [Role.Administrator, Role.Auditor, Role.Oversight, Role.MentorCoordinator];

    /// <returns>The readable facilities, or null when the user reads everywhere.</returns>
    public async Task<IReadOnlySet<Guid>?> FacilitiesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (Array.Exists(AcrossFacilities, user.Has)) return null;
        var readable = new HashSet<Guid>();
        if (user.Has(Role.FacilityStaff))
            foreach (var facility in user.Ids(ClaimNames.Facility)) readable.Add(facility);
        if (user.Has(Role.Instructor))
            foreach (var programme in user.Ids(ClaimNames.Programme))
                if ((await lookup.ProgrammeAsync(programme, ct)).Facility is { } facility) readable.Add(facility);
        return readable;
    }
}
