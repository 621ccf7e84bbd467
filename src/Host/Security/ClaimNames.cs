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
}
