namespace SecondChance.Domain.Inmates;

public enum ContactMode
{
    InPerson,
    Phone,
    Video,
}
