using System.Reflection;
using System.Text.Json.Nodes;

namespace SecondChance.Integrity.Privacy;

/// <summary>
/// Which properties of an event record hold personal data, and which property names the person (the data subject)
/// whose key encrypts them. Property names are the record's CLR property names.
/// </summary>
public sealed record PersonalDataSpec(string SubjectProperty, IReadOnlyList<string> Properties)
{
    /// <summary>The subject's property, checked to be a Guid.</summary>
    public PropertyInfo SubjectOf(Type type)
    {
        var subject = type.GetProperty(SubjectProperty)
                      ?? throw new ArgumentException($"{type.Name} has no property {SubjectProperty} naming the data subject.");
        return subject.PropertyType == typeof(Guid) ? subject
            : throw new ArgumentException($"{type.Name}.{SubjectProperty} must be a Guid to name the data subject.");
    }

    /// <summary>What each personal property reads as once its key is destroyed, by CLR property name.</summary>
    public IReadOnlyDictionary<string, JsonNode?> ErasedPlaceholders(Type type)
    {
        var placeholders = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var name in Properties)
        {
            var property = type.GetProperty(name) ?? throw new ArgumentException($"{type.Name} has no property {name}.");
            placeholders[name] = property.PropertyType == typeof(string) ? JsonValue.Create(PersonalDataCipher.Erased)
                : typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType) ? new JsonArray()
                : property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null
                    ? throw new ArgumentException($"{type.Name}.{name} is a value type; only text, lists and nullable values can be erased.")
                    : null;
        }
        return placeholders;
    }
}
