namespace SecondChance.Domain.Inmates;

/// <summary>Value as text in invariant form (dates as yyyy-MM-dd, enums by name).</summary>
public sealed record FieldCorrection(string Field, string CorrectedValue);
