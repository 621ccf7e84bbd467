using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecondChance.Integrity.Moving;

/// <summary>
/// An event's data exactly as the old store holds it (jsonb's text), written by Marten's serializer as it is: the move
/// never reads events through the domain types, so nothing is reformatted, dropped or decrypted on the way.
/// </summary>
[JsonConverter(typeof(StoredJsonConverter))]
public sealed class StoredJson(string text)
{
    public string Text { get; } = text;

    private sealed class StoredJsonConverter : JsonConverter<StoredJson>
    {
        public override StoredJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonDocument.ParseValue(ref reader).RootElement.GetRawText());

        public override void Write(Utf8JsonWriter writer, StoredJson value, JsonSerializerOptions options) => writer.WriteRawValue(value.Text);
    }
}
