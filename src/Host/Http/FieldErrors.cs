using SecondChance.Domain;

namespace SecondChance.Host.Http;

/// <summary>Collects the field errors of one request for a 400 ValidationProblem.</summary>
public sealed class FieldErrors
{
    public const int NameLength = 200;
    public const int TextLength = 2000;
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public bool Required<T>(T? value, string field) where T : struct
    {
        if (value is not null) return true;
        Add(field, $"The {field} field is required.");
        return false;
    }

    public bool Present(object? value, string field)
    {
        if (value is not null) return true;
        Add(field, $"The {field} field is required.");
        return false;
    }

    public void Text(string? value, string field, int maxLength = NameLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, $"The {field} field is required.");
            else if (value is { Length: > 0 }) Add(field, $"The {field} field cannot be blank.");
            return;
        }
        if (value.Length > maxLength) Add(field, $"The {field} field is at most {maxLength} characters.");
    }

    public void Cnic(string? value, string field)
    {
        if (value is null) { Add(field, $"The {field} field is required."); return; }
        if (!Domain.Cnic.IsValid(value)) Add(field, "A CNIC looks like 12345-1234567-1.");
    }

    public void Positive(long? value, string field)
    {
        if (Required(value, field) && value <= 0) Add(field, $"The {field} field must be greater than zero.");
    }

    public void NotNegative(long? value, string field)
    {
        if (Required(value, field) && value < 0) Add(field, $"The {field} field cannot be negative.");
    }

    public void Currency(string? value, string field)
    {
        if (value is null) return;
        if (!Money.IsCurrencyCode(value)) Add(field, "A currency is an ISO 4217 code such as PKR.");
    }

    public void PrisonerNumber(string? value, string field)
    {
        if (value is null) { Add(field, $"The {field} field is required."); return; }
        if (!PrisonerNumbers.IsValid(value)) Add(field, "A prisoner number is letters, digits, '-' or '/', at most 32.");
    }

    public void NotEmpty(Guid? value, string field)
    {
        if (Required(value, field) && value == Guid.Empty) Add(field, $"The {field} field cannot be the empty id.");
    }
}
