using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using SecondChance.EventStore.Privacy;

namespace SecondChance.EventStore;

/// <summary>
/// Maps event records to stable aliases such as <c>inmate_admitted.v1</c>. Only the alias is stored, never a
/// CLR name, so records can be renamed or moved freely. An old alias can be upcast to a current one.
/// </summary>
public sealed partial class EventTypeRegistry
{
    private readonly Dictionary<string, Type> _typesByAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _aliasesByType = new();
    private readonly Dictionary<string, (string ToAlias, Func<JsonObject, JsonObject> Transform)> _upcasters = new(StringComparer.Ordinal);

    public JsonSerializerOptions SerializerOptions { get; } = CreateSerializerOptions();

    public static JsonSerializerOptions CreateSerializerOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_]*\.v[0-9]+$")]
    private static partial Regex AliasPattern();

    private readonly Dictionary<Type, Protection> _protection = new();

    /// <summary>How one event type's personal fields are found and what an erased field reads as.</summary>
    internal sealed record Protection(Func<object, Guid> SubjectOf, string SubjectJsonName, IReadOnlyList<string> JsonFields,
        IReadOnlyDictionary<string, JsonNode?> ErasedPlaceholders);

    public EventTypeRegistry Register<T>(string alias, PersonalDataSpec? personal = null) => Register(typeof(T), alias, personal);

    public EventTypeRegistry Register(Type type, string alias, PersonalDataSpec? personal = null)
    {
        Register(type, alias);
        if (personal is not null) _protection[type] = Protect(type, personal);
        return this;
    }

    private Protection Protect(Type type, PersonalDataSpec spec)
    {
        var subject = spec.SubjectOf(type);
        var naming = SerializerOptions.PropertyNamingPolicy;
        string Json(string name) => naming?.ConvertName(name) ?? name;
        var placeholders = spec.ErasedPlaceholders(type).ToDictionary(p => Json(p.Key), p => p.Value, StringComparer.Ordinal);
        return new Protection(data => (Guid)subject.GetValue(data)!, Json(spec.SubjectProperty), placeholders.Keys.ToList(), placeholders);
    }

    internal Protection? ProtectionFor(Type type) => _protection.GetValueOrDefault(type);

    internal Protection? ProtectionFor(string alias) =>
        _typesByAlias.TryGetValue(alias, out var type) ? _protection.GetValueOrDefault(type) : null;

    private EventTypeRegistry Register(Type type, string alias)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!AliasPattern().IsMatch(alias ?? ""))
            throw new ArgumentException($"Event alias '{alias}' must look like 'inmate_admitted.v1'.", nameof(alias));
        if (_typesByAlias.TryGetValue(alias!, out var existing) && existing != type)
            throw new ArgumentException($"Event alias '{alias}' is already registered for {existing.Name}.", nameof(alias));
        if (_aliasesByType.TryGetValue(type, out var existingAlias) && existingAlias != alias)
            throw new ArgumentException($"{type.Name} is already registered as '{existingAlias}'.", nameof(type));
        _typesByAlias[alias!] = type;
        _aliasesByType[type] = alias!;
        return this;
    }

    /// <summary>Reads events stored under <paramref name="fromAlias"/> as <paramref name="toAlias"/>, reshaping the JSON.</summary>
    public EventTypeRegistry AddUpcaster(string fromAlias, string toAlias, Func<JsonObject, JsonObject> transform)
    {
        if (!AliasPattern().IsMatch(fromAlias ?? ""))
            throw new ArgumentException($"Event alias '{fromAlias}' must look like 'inmate_admitted.v1'.", nameof(fromAlias));
        if (_typesByAlias.ContainsKey(fromAlias!))
            throw new ArgumentException($"'{fromAlias}' is a current alias; only retired aliases are upcast.", nameof(fromAlias));
        _upcasters[fromAlias!] = (toAlias, transform);
        return this;
    }

    /// <summary>Typed upcaster: the old shape is a record kept only for reading.</summary>
    public EventTypeRegistry AddUpcaster<TOld, TNew>(string fromAlias, Func<TOld, TNew> upcast) where TNew : notnull =>
        AddUpcaster(fromAlias, AliasFor(typeof(TNew)), json =>
        {
            var old = json.Deserialize<TOld>(SerializerOptions)
                      ?? throw new JsonException($"Event stored as '{fromAlias}' has no data.");
            return JsonSerializer.SerializeToNode(upcast(old), SerializerOptions)!.AsObject();
        });

    public bool IsRegistered(Type type) => _aliasesByType.ContainsKey(type);

    public string AliasFor(Type type) => _aliasesByType.TryGetValue(type, out var alias)
        ? alias
        : throw new UnknownEventTypeException($"Event type {type.FullName} has no registered alias; register it before appending.");

    public Type TypeFor(string alias) => _typesByAlias.TryGetValue(alias, out var type)
        ? type
        : throw new UnknownEventTypeException($"Unknown event alias '{alias}': no event type or upcaster is registered for it.");

    public byte[] Serialize(object data) => JsonSerializer.SerializeToUtf8Bytes(data, data.GetType(), SerializerOptions);

    /// <summary>Serializes for storage: personal fields encrypted under the subject's key from <paramref name="keyFor"/>.</summary>
    internal byte[] SerializeProtected(object data, Protection protection, Func<Guid, byte[]?> keyFor)
    {
        var subject = protection.SubjectOf(data);
        var key = keyFor(subject) ?? throw new InvalidAppendException(
            $"The personal data of subject {subject} was erased; nothing more can be recorded about them.");
        var json = JsonSerializer.SerializeToNode(data, data.GetType(), SerializerOptions)!.AsObject();
        PersonalDataCipher.Encrypt(json, subject, protection.JsonFields, key);
        return JsonSerializer.SerializeToUtf8Bytes(json, SerializerOptions);
    }

    /// <summary>The subject whose key protects a stored event, or null when the event holds no personal data.</summary>
    internal Guid? StoredSubject(string alias, JsonObject json) =>
        ProtectionFor(alias) is { } p && json[p.SubjectJsonName] is JsonValue v && v.TryGetValue<Guid>(out var id) ? id : null;

    internal (string Alias, object Data) DeserializeProtected(string alias, JsonObject json, byte[]? key)
    {
        var p = ProtectionFor(alias)!;
        PersonalDataCipher.Decrypt(json, (Guid)StoredSubject(alias, json)!, p.ErasedPlaceholders, key);
        return Deserialize(alias, json.ToJsonString());
    }

    /// <summary>Turns stored JSON into the current event record, applying upcasters for retired aliases.</summary>
    public (string Alias, object Data) Deserialize(string alias, string json)
    {
        if (_typesByAlias.TryGetValue(alias, out var type))
            return (alias, JsonSerializer.Deserialize(json, type, SerializerOptions)
                           ?? throw new JsonException($"Event '{alias}' has null data."));

        if (!_upcasters.ContainsKey(alias))
            throw new UnknownEventTypeException($"Unknown event alias '{alias}': no event type or upcaster is registered for it.");

        var node = JsonNode.Parse(json)?.AsObject() ?? throw new JsonException($"Event '{alias}' has null data.");
        var current = alias;
        for (var hops = 0; _upcasters.TryGetValue(current, out var step); hops++)
        {
            if (hops > 32) throw new InvalidOperationException($"Upcasters for '{alias}' form a cycle.");
            node = step.Transform(node);
            current = step.ToAlias;
        }
        return (current, node.Deserialize(TypeFor(current), SerializerOptions)
                         ?? throw new JsonException($"Event '{alias}' has null data."));
    }
}
