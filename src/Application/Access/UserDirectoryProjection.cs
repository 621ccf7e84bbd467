using SecondChance.Application.ReadModels;
using SecondChance.Domain.Access;
using SecondChance.Integrity.Events;

namespace SecondChance.Application.Access;

/// <summary>Kept in the append transaction, so a user registered or granted a moment ago signs in with it at once.</summary>
public sealed class UserDirectoryProjection(EventStoreOptions options) : IInlineProjection
{
    private readonly string _table = $"{options.Schema}.user_directory";

    public void Apply(IReadOnlyList<StoredEvent> events, SqlBatch b)
    {
        foreach (var stored in events)
        {
            var v = stored.Version;
            switch (stored.Data)
            {
                case UserRegistered e:
                    b.Add($"insert into {_table} (user_id, username, display_name, password_hash, active, version) values ($1, $2, $3, $4, true, $5)",
                        e.UserId, e.Username, e.DisplayName, e.PasswordHash, v);
                    break;
                case UserPasswordChanged e: Set(b, e.UserId, "password_hash = $3", v, e.PasswordHash); break;
                case UserRoleGranted e: Set(b, e.UserId, "roles = array_append(array_remove(roles, $3), $3)", v, e.Role.ToString()); break;
                case UserRoleRevoked e: Set(b, e.UserId, "roles = array_remove(roles, $3)", v, e.Role.ToString()); break;
                case UserFacilityGranted e: Set(b, e.UserId, "facilities = array_append(array_remove(facilities, $3), $3)", v, e.FacilityId); break;
                case UserFacilityRevoked e: Set(b, e.UserId, "facilities = array_remove(facilities, $3)", v, e.FacilityId); break;
                case UserProgrammeGranted e: Set(b, e.UserId, "programmes = array_append(array_remove(programmes, $3), $3)", v, e.ProgrammeId); break;
                case UserProgrammeRevoked e: Set(b, e.UserId, "programmes = array_remove(programmes, $3)", v, e.ProgrammeId); break;
                case UserPersonalDataAccessGranted e: Set(b, e.UserId, "personal_data = true", v); break;
                case UserPersonalDataAccessRevoked e: Set(b, e.UserId, "personal_data = false", v); break;
                case UserDeactivated e: Set(b, e.UserId, "active = false", v); break;
                case UserAssignedToTenant e: Set(b, e.UserId, "tenant = $3", v, e.Tenant); break;
                case UserTenantReadGranted e: Set(b, e.UserId, "read_tenants = array_append(array_remove(read_tenants, $3), $3)", v, e.Tenant); break;
                case UserTenantReadRevoked e: Set(b, e.UserId, "read_tenants = array_remove(read_tenants, $3)", v, e.Tenant); break;
            }
        }
    }

    private void Set(SqlBatch b, Guid userId, string assignment, long version, object? value = null)
    {
        if (value is null) b.Add($"update {_table} set {assignment}, version = $2 where user_id = $1", userId, version);
        else b.Add($"update {_table} set {assignment}, version = $2 where user_id = $1", userId, version, value);
    }
}
