namespace SecondChance.Domain.Access;

/// <summary>What a user may do. Facility staff and instructors act only where they hold a grant.</summary>
public enum Role
{
    Administrator,
    FacilityStaff,
    Instructor,
    MentorCoordinator,
    Auditor,
    Oversight,
}
