namespace SecondChance.Host.Security;

public static class ClaimNames
{
    public const string UserId = "sub";
    public const string Username = "name";
    public const string DisplayName = "display_name";
    public const string Role = "role";
    public const string Facility = "sc:facility";
    public const string Programme = "sc:programme";
    public const string PersonalData = "sc:personal_data";
    /// <summary>The province the user works in; absent: the home database's tenant.</summary>
    public const string Tenant = "sc:tenant";
    /// <summary>A province a federal reader may read besides their own.</summary>
    public const string ReadTenant = "sc:read_tenant";
}
