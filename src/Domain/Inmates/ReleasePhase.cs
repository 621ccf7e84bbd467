namespace SecondChance.Domain.Inmates;

public enum ReleasePhase
{
    BeforeRelease,
    AfterRelease,
}
