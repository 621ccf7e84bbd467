using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SecondChance.Integrity.HashChain;

public sealed record CheckpointFileContents(AuditCheckpoint Checkpoint, bool HasHeads);

/// <summary>
/// The checkpoint file an auditor keeps: the checkpoint's fields, then <c>heads</c>, each stream's head
/// (<c>{"stream", "version", "hash"}</c>) one a line, in the root's order. It is read in two streaming passes, one that
/// checks all of it (including that the heads hash to its root) and one that hands the heads to the proof, so a
/// checkpoint of millions of streams never sits in memory. A checkpoint without heads (as the HTTP API returns it)
/// is read too; its proof cannot name a stream whose rewritten events carry recomputed hashes.
/// </summary>
public static class CheckpointFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Takes a checkpoint and writes it with its heads; the heads wait in a temporary file until the root is known.</summary>
    public static async Task<AuditCheckpoint> WriteAsync(AuditCheckpoints checkpoints, TimeProvider clock, Stream output, CancellationToken ct = default)
    {
        await using var heads = new FileStream(Path.Combine(Path.GetTempPath(), $"sc-checkpoint-{Guid.NewGuid():N}"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        var checkpoint = default(AuditCheckpoint);
        long count = 0;
        await using (var lines = new StreamWriter(heads, Utf8, 1 << 16, leaveOpen: true))
            checkpoint = await checkpoints.TakeAsync(clock, async head =>
            {
                await lines.WriteAsync(count++ == 0 ? "\n    " : ",\n    ");
                await lines.WriteAsync(HeadJson(head));
            }, ct);
        var summary = JsonSerializer.Serialize(checkpoint, Json);
        var start = summary[..summary.LastIndexOf('}')].TrimEnd() + ",\n  \"heads\": [";
        await output.WriteAsync(Utf8.GetBytes(start), ct);
        heads.Position = 0;
        await heads.CopyToAsync(output, ct);
        await output.WriteAsync(Utf8.GetBytes(count == 0 ? "]\n}\n" : "\n  ]\n}\n"), ct);
        await output.FlushAsync(ct);
        return checkpoint;
    }

    private static string HeadJson(StreamHead head) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"stream\": {JsonSerializer.Serialize(head.StreamId)}, \"version\": {head.Version}, \"hash\": \"{Convert.ToHexStringLower(head.Hash)}\"}}");

    /// <summary>Reads and checks a whole checkpoint; throws <see cref="CheckpointFormatException"/> saying what is wrong.</summary>
    public static CheckpointFileContents Read(Func<Stream> open)
    {
        using var stream = open();
        if (stream.CanSeek && stream.Length == 0) throw Bad("checkpoint", "it is empty");
        var json = new JsonChunks(stream);
        return Guard(() =>
        {
            if (json.Next().Type != JsonTokenType.StartObject) throw Bad("checkpoint", "it is not a JSON object");
            var fields = new Dictionary<string, (JsonTokenType Type, string? Text)>(StringComparer.OrdinalIgnoreCase);
            using var root = new CheckpointRoot();
            var hasHeads = false;
            while (NextProperty(json) is { } name)
            {
                if (string.Equals(name, "heads", StringComparison.OrdinalIgnoreCase))
                {
                    hasHeads = true;
                    foreach (var head in ReadHeads(json)) root.Add(head.StreamId, head.Version, head.Hash);
                    continue;
                }
                var value = json.Next();
                json.Skip(value.Type);
                fields[name] = value;
            }
            if (json.Next().Type != JsonTokenType.None) throw Bad("checkpoint", "there is more after the checkpoint's JSON object");

            var rootHash = fields.TryGetValue("rootHash", out var r) ? r : default;
            if (rootHash.Type == JsonTokenType.None) throw Bad("rootHash", "it has no rootHash");
            if (rootHash.Type != JsonTokenType.String || !IsHash(rootHash.Text))
                throw Bad("rootHash", $"rootHash is {Shown(rootHash)}, not 64 hexadecimal digits");
            var checkpoint = new AuditCheckpoint(Whole(fields, "transactionId", ulong.MaxValue), (long)Whole(fields, "position", long.MaxValue),
                (long)Whole(fields, "streams", long.MaxValue), (long)Whole(fields, "events", long.MaxValue), rootHash.Text!.ToLowerInvariant(),
                TakenAt(fields));
            if (hasHeads && (root.Streams != checkpoint.Streams || root.Finish() != checkpoint.RootHash))
                throw Bad("heads", $"its {root.Streams} heads do not hash to its rootHash over {checkpoint.Streams} streams: the file was changed");
            return new CheckpointFileContents(checkpoint, hasHeads);
        });
    }

    /// <summary>The heads of a checkpoint that <see cref="Read"/> has accepted, read one at a time.</summary>
    public static IEnumerable<StreamHead> Heads(Func<Stream> open)
    {
        using var stream = open();
        var json = new JsonChunks(stream);
        json.Next();
        while (NextProperty(json) is { } name)
        {
            if (string.Equals(name, "heads", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var head in ReadHeads(json)) yield return head;
                yield break;
            }
            json.Skip(json.Next().Type);
        }
    }

    private static string? NextProperty(JsonChunks json)
    {
        var token = json.Next();
        return token.Type switch
        {
            JsonTokenType.PropertyName => token.Text,
            JsonTokenType.EndObject => null,
            _ => throw Bad("checkpoint", "it ends before its JSON object does"),
        };
    }

    private static IEnumerable<StreamHead> ReadHeads(JsonChunks json)
    {
        if (json.Next().Type != JsonTokenType.StartArray) throw Bad("heads", "heads is not a list");
        string? previous = null;
        for (var n = 1; ; n++)
        {
            var first = json.Next().Type;
            if (first == JsonTokenType.EndArray) yield break;
            if (first != JsonTokenType.StartObject) throw Bad("heads", $"head {n} is not an object with stream, version and hash");
            string? stream = null, hash = null;
            long version = 0;
            while (NextProperty(json) is { } name)
            {
                var value = json.Next();
                json.Skip(value.Type);
                if (string.Equals(name, "stream", StringComparison.OrdinalIgnoreCase) && value.Type == JsonTokenType.String) stream = value.Text;
                else if (string.Equals(name, "version", StringComparison.OrdinalIgnoreCase) && value.Type == JsonTokenType.Number)
                    long.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out version);
                else if (string.Equals(name, "hash", StringComparison.OrdinalIgnoreCase) && value.Type == JsonTokenType.String) hash = value.Text;
            }
            if (string.IsNullOrEmpty(stream)) throw Bad("heads", $"head {n} has no stream");
            if (version < 1) throw Bad("heads", $"head {n} (\"{stream}\") has no version of 1 or more");
            if (!IsHash(hash)) throw Bad("heads", $"head {n} (\"{stream}\") has no hash of 64 hexadecimal digits");
            if (previous is not null && CheckpointRoot.Compare(previous, stream) >= 0)
                throw Bad("heads", $"head {n} (\"{stream}\") does not follow \"{previous}\": heads are in the order of their streams' UTF-8 bytes, each once");
            previous = stream;
            yield return new StreamHead(stream, version, Convert.FromHexString(hash!));
        }
    }

    private static ulong Whole(Dictionary<string, (JsonTokenType Type, string? Text)> fields, string name, ulong max)
    {
        if (!fields.TryGetValue(name, out var value)) throw Bad(name, $"it has no {name}");
        if (value.Type is JsonTokenType.Number or JsonTokenType.String
            && ulong.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= max) return n;
        throw Bad(name, $"{name} is {Shown(value)}, not a whole number of 0 or more");
    }

    private static DateTimeOffset TakenAt(Dictionary<string, (JsonTokenType Type, string? Text)> fields)
    {
        if (!fields.TryGetValue("takenAt", out var value)) return default;
        if (value.Type == JsonTokenType.String
            && DateTimeOffset.TryParse(value.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return at;
        throw Bad("takenAt", $"takenAt is {Shown(value)}, not an ISO 8601 instant");
    }

    private static bool IsHash(string? text) => text is { Length: 64 } && text.All(char.IsAsciiHexDigit);

    private static string Shown((JsonTokenType Type, string? Text) value) => value.Type switch
    {
        JsonTokenType.String => JsonSerializer.Serialize(value.Text!.Length > 80 ? value.Text[..80] + "…" : value.Text),
        JsonTokenType.Number => value.Text!,
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.True or JsonTokenType.False => value.Type.ToString().ToLowerInvariant(),
        _ => "null",
    };

    private static T Guard<T>(Func<T> read)
    {
        try { return read(); }
        catch (JsonException e) { throw Bad("checkpoint", $"it is not valid JSON ({e.Message.TrimEnd('.')})"); }
    }

    private static CheckpointFormatException Bad(string field, string message) => new(field, message);
}
