using System.Globalization;

namespace SecondChance.Domain.Inmates;

public static class CorrectableFields
{
    public const string FullName = "FullName";
    public const string Cnic = "Cnic";
    public const string Sex = "Sex";
    public const string DateOfBirth = "DateOfBirth";
    public const string CommittalAuthority = "CommittalAuthority";
    public const string AdmittedAt = "AdmittedAt";

    public static IReadOnlyList<string> All { get; } = [FullName, Cnic, Sex, DateOfBirth, CommittalAuthority, AdmittedAt];

    public static bool IsValid(FieldCorrection correction) => correction.Field switch
    {
        FullName or CommittalAuthority => !string.IsNullOrWhiteSpace(correction.CorrectedValue),
        Cnic => Domain.Cnic.IsValid(correction.CorrectedValue),
        Sex => TryParseSex(correction.CorrectedValue, out _),
        DateOfBirth => TryParseDate(correction.CorrectedValue, out _),
        AdmittedAt => DateTimeOffset.TryParse(correction.CorrectedValue, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => false,
    };

    public static bool TryParseSex(string value, out Inmates.Sex sex) =>
        Enum.TryParse(value, ignoreCase: false, out sex) && Enum.IsDefined(sex) && !int.TryParse(value, out _);

    public static bool TryParseDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
