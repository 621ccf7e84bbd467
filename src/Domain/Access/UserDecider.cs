using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Access;

/// <summary>Who may use SecondChance and for what, recorded as events so auditors can see who had access when.</summary>
public static class UserDecider
{
    public static MultiStreamDecision Decide(UserState user, UsernameReservation reservation, RegisterUser c, DateTimeOffset now)
    {
        if (!UsernameReservation.IsValid(c.Username?.Trim()))
            return new Refusal(InvalidUsername, "A username is 3 to 64 letters, digits, '.', '_' or '-'.");
        if (string.IsNullOrWhiteSpace(c.DisplayName) || c.DisplayName.Trim().Length > 200)
            return new Refusal(InvalidName, "A display name of 1 to 200 characters is required.");
        if (string.IsNullOrWhiteSpace(c.PasswordHash)) return new Refusal(InvalidPassword, "A password is required.");
        var username = UsernameReservation.Normalize(c.Username!);
        if (user.Registered)
            return user.Username == username ? MultiStreamDecision.Nothing : new Refusal(UserAlreadyRegistered, "The user is already registered.");
        if (reservation.UserId is { } holder && holder != c.UserId)
            return new Refusal(UsernameTaken, $"The username '{username}' is taken.");
        return MultiStreamDecision.Accept(
            new StreamEvents(StreamIds.User(c.UserId), [new UserRegistered(c.UserId, username, c.DisplayName.Trim(), c.PasswordHash, now)]),
            new StreamEvents(StreamIds.Username(username), [new UsernameReserved(username, c.UserId)]));
    }

    public static Decision Decide(UserState user, ChangeUserPassword c, DateTimeOffset now) => Guard(user) ??
        (string.IsNullOrWhiteSpace(c.PasswordHash)
            ? Decision.Refuse(InvalidPassword, "A password is required.")
            : Decision.Accept(new UserPasswordChanged(user.UserId, c.PasswordHash, now)));

    public static Decision Decide(UserState user, GrantRole c, DateTimeOffset now) => Guard(user) ??
        (user.Roles.Contains(c.Role) ? Decision.Nothing : Decision.Accept(new UserRoleGranted(user.UserId, c.Role, now)));

    public static Decision Decide(UserState user, RevokeRole c, DateTimeOffset now) => Guard(user) ??
        (user.Roles.Contains(c.Role) ? Decision.Accept(new UserRoleRevoked(user.UserId, c.Role, now)) : Decision.Nothing);

    public static Decision Decide(UserState user, GrantFacility c, DateTimeOffset now) => Guard(user) ??
        (user.Facilities.Contains(c.FacilityId) ? Decision.Nothing : Decision.Accept(new UserFacilityGranted(user.UserId, c.FacilityId, now)));

    public static Decision Decide(UserState user, RevokeFacility c, DateTimeOffset now) => Guard(user) ??
        (user.Facilities.Contains(c.FacilityId) ? Decision.Accept(new UserFacilityRevoked(user.UserId, c.FacilityId, now)) : Decision.Nothing);

    public static Decision Decide(UserState user, GrantProgramme c, DateTimeOffset now) => Guard(user) ??
        (user.Programmes.Contains(c.ProgrammeId) ? Decision.Nothing : Decision.Accept(new UserProgrammeGranted(user.UserId, c.ProgrammeId, now)));

    public static Decision Decide(UserState user, RevokeProgramme c, DateTimeOffset now) => Guard(user) ??
        (user.Programmes.Contains(c.ProgrammeId) ? Decision.Accept(new UserProgrammeRevoked(user.UserId, c.ProgrammeId, now)) : Decision.Nothing);

    public static Decision Decide(UserState user, GrantPersonalDataAccess c, DateTimeOffset now)
    {
        if (Guard(user) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(c.Justification)) return Decision.Refuse(InvalidReason, "A justification is required.");
        return user.MaySeePersonalData ? Decision.Nothing
            : Decision.Accept(new UserPersonalDataAccessGranted(user.UserId, c.Justification.Trim(), now));
    }

    public static Decision Decide(UserState user, RevokePersonalDataAccess c, DateTimeOffset now) => Guard(user) ??
        (user.MaySeePersonalData ? Decision.Accept(new UserPersonalDataAccessRevoked(user.UserId, now)) : Decision.Nothing);

    public static Decision Decide(UserState user, DeactivateUser c, DateTimeOffset now)
    {
        if (!user.Registered) return Decision.Refuse(UserNotFound, "The user is not registered.");
        if (string.IsNullOrWhiteSpace(c.Reason)) return Decision.Refuse(InvalidReason, "A reason is required.");
        return user.Active ? Decision.Accept(new UserDeactivated(user.UserId, c.Reason.Trim(), now)) : Decision.Nothing;
    }

    /// <summary>
    /// A user works in one province. Their facility and programme grants name that province's records, so a user who
    /// holds any must lose them before moving: a grant must never point into another province's database.
    /// </summary>
    public static Decision Decide(UserState user, AssignUserTenant c, DateTimeOffset now) => Guard(user) ??
        (user.Tenant == c.Tenant ? Decision.Nothing
        : user.Facilities.Count > 0 || user.Programmes.Count > 0
            ? Decision.Refuse(UserHoldsGrants, "The user holds facility or programme grants of their province; revoke them before moving the user to another.")
            : Decision.Accept(new UserAssignedToTenant(user.UserId, c.Tenant, now)));

    /// <summary>Only federal readers (oversight, auditors) read across provinces, and only read.</summary>
    public static Decision Decide(UserState user, GrantTenantRead c, DateTimeOffset now) => Guard(user) ??
        (!user.Roles.Contains(Role.Oversight) && !user.Roles.Contains(Role.Auditor)
            ? Decision.Refuse(NotAFederalReader, "Only oversight and audit users may be granted reading of other provinces.")
        : user.ReadTenants.Contains(c.Tenant) || user.Tenant == c.Tenant ? Decision.Nothing
        : Decision.Accept(new UserTenantReadGranted(user.UserId, c.Tenant, now)));

    public static Decision Decide(UserState user, RevokeTenantRead c, DateTimeOffset now) => Guard(user) ??
        (user.ReadTenants.Contains(c.Tenant) ? Decision.Accept(new UserTenantReadRevoked(user.UserId, c.Tenant, now)) : Decision.Nothing);

    private static Decision? Guard(UserState user) =>
        !user.Registered ? Decision.Refuse(UserNotFound, "The user is not registered.")
        : !user.Active ? Decision.Refuse(UserInactive, "The user has been deactivated.")
        : null;
}
