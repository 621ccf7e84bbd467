using System.Text;
using System.Text.Json;

namespace SecondChance.Integrity.HashChain;

/// <summary>Reads JSON tokens from a stream a buffer at a time, so a file of any length is read in constant memory.</summary>
internal sealed class JsonChunks(Stream stream)
{
    private const int MaxBuffer = 16 << 20;
    private byte[] _buffer = new byte[1 << 16];
    private int _start, _end;
    private bool _final, _started;
    private JsonReaderState _state = new(new JsonReaderOptions());

    /// <summary>The next token with its text (property names, strings, and numbers as written); None at the end.</summary>
    public (JsonTokenType Type, string? Text) Next()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            if (reader.Read())
            {
                var text = reader.TokenType switch
                {
                    JsonTokenType.PropertyName or JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                    _ => null,
                };
                _start += (int)reader.BytesConsumed;
                _state = reader.CurrentState;
                return (reader.TokenType, text);
            }
            if (_final) return (JsonTokenType.None, null);
            Fill();
        }
    }

    /// <summary>Reads past the value that <paramref name="first"/> opened, if it opened an object or array.</summary>
    public void Skip(JsonTokenType first)
    {
        if (first is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return;
        for (var depth = 1; depth > 0;)
            switch (Next().Type)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray: depth++; break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray: depth--; break;
                case JsonTokenType.None: return;
            }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxBuffer) throw new JsonException("A single value is longer than 16 MiB.");
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _final = true;
        _end += read;
        if (!_started && _end >= 3)
        {
            _started = true;
            if (_buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8)) _start = 3;
        }
    }
}
