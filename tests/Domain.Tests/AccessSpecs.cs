using SecondChance.Domain.Access;
using SecondChance.Domain.Tests.Support;
using static SecondChance.Domain.Tests.Support.F;
using static SecondChance.Domain.Tests.Support.Spec;

namespace SecondChance.Domain.Tests;

public class AccessSpecs
{
    private static readonly Guid UserId = Id(7001);
    private static readonly UserRegistered Registered = new(UserId, "ayesha.k", "Ayesha Khan", "hash-1", Now);

    private static Given<UserState> GivenUser(params object[] events) => Given(UserState.Initial, UserState.Evolve, events);

    private static MultiStreamDecision Register(UserState user, UsernameReservation reservation, string username = "Ayesha.K") =>
        UserDecider.Decide(user, reservation, new RegisterUser(UserId, username, "Ayesha Khan", "hash-1"), Now);

    [Fact]
    public void A_user_is_registered_with_a_lower_case_username_reserved_for_them() =>
        GivenUser().When(u => Register(u, UsernameReservation.Initial)).ThenEmits(
            new StreamEvents(StreamIds.User(UserId), [Registered]),
            new StreamEvents(StreamIds.Username("ayesha.k"), [new UsernameReserved("ayesha.k", UserId)]));

    [Fact]
    public void Registering_the_same_user_again_changes_nothing() =>
        GivenUser(Registered).When(u => Register(u, new UsernameReservation(UserId))).ThenNothing();

    [Fact]
    public void A_taken_username_is_refused() =>
        GivenUser().When(u => Register(u, new UsernameReservation(Id(9)))).ThenRefused(RefusalCodes.UsernameTaken);

    [Fact]
    public void A_malformed_username_is_refused() =>
        GivenUser().When(u => Register(u, UsernameReservation.Initial, "a b")).ThenRefused(RefusalCodes.InvalidUsername);

    [Fact]
    public void A_user_without_a_password_is_refused() =>
        GivenUser().When(u => UserDecider.Decide(u, UsernameReservation.Initial, new RegisterUser(UserId, "ayesha", "Ayesha", " "), Now))
            .ThenRefused(RefusalCodes.InvalidPassword);

    [Fact]
    public void Another_user_under_a_registered_id_is_refused() =>
        GivenUser(Registered).When(u => Register(u, UsernameReservation.Initial, "someone")).ThenRefused(RefusalCodes.UserAlreadyRegistered);

    [Fact]
    public void A_role_is_granted_once() =>
        GivenUser(Registered).When(u => UserDecider.Decide(u, new GrantRole(UserId, Role.Auditor), Now))
            .ThenEmits(new UserRoleGranted(UserId, Role.Auditor, Now));

    [Fact]
    public void Granting_a_role_held_already_changes_nothing() =>
        GivenUser(Registered, new UserRoleGranted(UserId, Role.Auditor, Now))
            .When(u => UserDecider.Decide(u, new GrantRole(UserId, Role.Auditor), Now)).ThenNothing();

    [Fact]
    public void A_facility_grant_is_recorded_and_revoked() =>
        GivenUser(Registered, new UserFacilityGranted(UserId, FacilityId, Now))
            .When(u => UserDecider.Decide(u, new RevokeFacility(UserId, FacilityId), Now))
            .ThenEmits(new UserFacilityRevoked(UserId, FacilityId, Now));

    [Fact]
    public void Personal_data_access_needs_a_justification() =>
        GivenUser(Registered).When(u => UserDecider.Decide(u, new GrantPersonalDataAccess(UserId, ""), Now))
            .ThenRefused(RefusalCodes.InvalidReason);

    [Fact]
    public void Granting_to_an_unknown_user_is_refused() =>
        GivenUser().When(u => UserDecider.Decide(u, new GrantRole(UserId, Role.Auditor), Now)).ThenRefused(RefusalCodes.UserNotFound);

    [Fact]
    public void A_deactivated_user_gets_no_new_grants() =>
        GivenUser(Registered, new UserDeactivated(UserId, "left", Now))
            .When(u => UserDecider.Decide(u, new GrantRole(UserId, Role.Auditor), Now)).ThenRefused(RefusalCodes.UserInactive);

    [Fact]
    public void A_user_is_assigned_to_a_province() =>
        GivenUser(Registered).When(u => UserDecider.Decide(u, new AssignUserTenant(UserId, "sindh"), Now))
            .ThenEmits(new UserAssignedToTenant(UserId, "sindh", Now));

    [Fact]
    public void Assigning_the_province_a_user_has_changes_nothing() =>
        GivenUser(Registered, new UserAssignedToTenant(UserId, "sindh", Now))
            .When(u => UserDecider.Decide(u, new AssignUserTenant(UserId, "sindh"), Now)).ThenNothing();

    [Fact]
    public void A_user_holding_facility_grants_is_not_moved_to_another_province() =>
        GivenUser(Registered, new UserAssignedToTenant(UserId, "sindh", Now), new UserFacilityGranted(UserId, Id(1), Now))
            .When(u => UserDecider.Decide(u, new AssignUserTenant(UserId, "kp"), Now)).ThenRefused(RefusalCodes.UserHoldsGrants);

    [Fact]
    public void An_oversight_user_is_granted_reading_of_another_province() =>
        GivenUser(Registered, new UserRoleGranted(UserId, Role.Oversight, Now))
            .When(u => UserDecider.Decide(u, new GrantTenantRead(UserId, "kp"), Now))
            .ThenEmits(new UserTenantReadGranted(UserId, "kp", Now));

    [Fact]
    public void Only_federal_readers_read_other_provinces() =>
        GivenUser(Registered, new UserRoleGranted(UserId, Role.FacilityStaff, Now))
            .When(u => UserDecider.Decide(u, new GrantTenantRead(UserId, "kp"), Now)).ThenRefused(RefusalCodes.NotAFederalReader);

    [Fact]
    public void Revoking_a_read_grant_not_held_changes_nothing() =>
        GivenUser(Registered).When(u => UserDecider.Decide(u, new RevokeTenantRead(UserId, "kp"), Now)).ThenNothing();
}
