namespace SecondChance.Domain.Inmates;

public enum EmploymentStatus
{
    Unknown,
    Employed,
    SelfEmployed,
    InTraining,
    Unemployed,
}
