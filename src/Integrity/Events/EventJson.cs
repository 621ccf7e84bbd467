using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecondChance.Integrity.Events;

/// <summary>The JSON form events are stored in: web defaults (camelCase, case-insensitive reads) with enums by name.</summary>
public static class EventJson
{
    public static JsonSerializerOptions CreateSerializerOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
