using System.Text;
using FluentAssertions;
using Npgsql;
using SecondChance.Integrity.HashChain;
using Xunit;

namespace SecondChance.Integrity.Tests;

/// <summary>A checkpoint file that is not one is refused before any proof, naming the field at fault as 'prove' and the HTTP API show it.</summary>
public sealed class CheckpointFileTests
{
    private const string Root = "fc96a2f9bd20a9106c2c08ca04fd7f59d9815bcc1d88fe58f6c4a9f5da0cb3bd";

    private static CheckpointFormatException Refusal(string content)
    {
        var act = () => CheckpointFile.Read(() => new MemoryStream(Encoding.UTF8.GetBytes(content)));
        return act.Should().Throw<CheckpointFormatException>().Which;
    }

    [Theory]
    [InlineData("""{"rootHash":"00"}""", "rootHash", "rootHash is \"00\", not 64 hexadecimal digits")]
    [InlineData("{}", "rootHash", "it has no rootHash")]
    [InlineData("""{"rootHash":"fc96a2f9bd20a9106c2c08ca04fd7f59d9815bcc1d88fe58f6c4a9f5da0cb3bd"}""", "transactionId", "it has no transactionId")]
    [InlineData("""{"rootHash":"fc96a2f9bd20a9106c2c08ca04fd7f59d9815bcc1d88fe58f6c4a9f5da0cb3bd","transactionId":1,"position":-4,"streams":0,"events":0}""",
        "position", "position is -4, not a whole number of 0 or more")]
    [InlineData("[1, 2]", "checkpoint", "it is not a JSON object")]
    [InlineData("", "checkpoint", "it is empty")]
    public void A_malformed_checkpoint_is_refused_naming_its_field_in_the_words_prove_prints(string content, string field, string message)
    {
        var refusal = Refusal(content);

        (refusal.Field, refusal.Message).Should().Be((field, message));
    }

    [Fact]
    public void Text_that_is_not_json_is_refused_saying_so_with_the_parsers_reason()
    {
        var refusal = Refusal("a checkpoint, honest");

        refusal.Field.Should().Be("checkpoint");
        refusal.Message.Should().StartWith("it is not valid JSON (").And.EndWith(")");
    }

    private static string File(string heads, long streams = 2, string? root = null) => $$"""
        {"transactionId": 7, "position": 9, "streams": {{streams}}, "events": 3, "rootHash": "{{root ?? RootOf(Heads)}}", "takenAt": "2026-11-28T10:20:42.33+00:00",
         "cursor": {"transactionId": 7, "position": 9}, "heads": [{{heads}}]}
        """;

    private const string Heads = """
        {"stream": "inmate-a", "version": 2, "hash": "ade9ade9ade9ade9ade9ade9ade9ade9ade9ade9ade9ade9ade9ade9ade9ade9"},
        {"stream": "inmate-b", "version": 1, "hash": "0000000000000000000000000000000000000000000000000000000000000001"}
        """;

    /// <summary>The root as the recipe computes it: SHA-256 over <c>bytes:stream;version;HASH;</c> per head.</summary>
    private static string RootOf(string heads)
    {
        var lines = System.Text.Json.JsonDocument.Parse($"[{heads}]").RootElement.EnumerateArray().Select(h =>
        {
            var stream = h.GetProperty("stream").GetString()!;
            return $"{Encoding.UTF8.GetByteCount(stream)}:{stream};{h.GetProperty("version").GetInt64()};{h.GetProperty("hash").GetString()!.ToUpperInvariant()};";
        });
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(lines))));
    }

    [Fact]
    public void A_file_with_heads_is_read_whole_and_its_heads_handed_out_in_order()
    {
        var read = CheckpointFile.Read(() => new MemoryStream(Encoding.UTF8.GetBytes(File(Heads))));

        read.HasHeads.Should().BeTrue();
        read.Checkpoint.Should().Be(new AuditCheckpoint(7, 9, 2, 3, RootOf(Heads), new DateTimeOffset(2026, 11, 28, 10, 20, 42, 330, TimeSpan.Zero)));
        CheckpointFile.Heads(() => new MemoryStream(Encoding.UTF8.GetBytes(File(Heads)))).Select(h => (h.StreamId, h.Version))
            .Should().Equal(("inmate-a", 2L), ("inmate-b", 1L));
    }

    [Fact]
    public void A_file_whose_heads_were_edited_no_longer_hashes_to_its_root_and_is_refused()
    {
        var refusal = Refusal(File(Heads.Replace("\"version\": 2", "\"version\": 3"), root: RootOf(Heads)));

        (refusal.Field, refusal.Message).Should().Be(("heads", "its 2 heads do not hash to its rootHash over 2 streams: the file was changed"));
    }

    [Fact]
    public void Heads_out_of_their_streams_order_are_refused()
    {
        var swapped = string.Join(",", Heads.Split(",\n").Reverse());

        var refusal = Refusal(File(swapped));

        (refusal.Field, refusal.Message).Should().Be(("heads",
            "head 2 (\"inmate-a\") does not follow \"inmate-b\": heads are in the order of their streams' UTF-8 bytes, each once"));
    }

    [Fact]
    public void A_file_without_heads_as_the_http_api_returns_it_is_read_too()
    {
        var read = CheckpointFile.Read(() => new MemoryStream(Encoding.UTF8.GetBytes($$"""{"transactionId": "7", "position": 9, "streams": 2, "events": 3, "rootHash": "{{Root.ToUpperInvariant()}}"}""")));

        read.HasHeads.Should().BeFalse();
        read.Checkpoint.Should().Be(new AuditCheckpoint(7, 9, 2, 3, Root, default));
    }

    [Fact]
    public async Task A_checkpoint_built_some_other_way_with_no_root_hash_is_refused_before_the_database_is_asked()
    {
        await using var nowhere = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=none");
        var checkpoints = new AuditCheckpoints(nowhere);

        var act = () => checkpoints.ProveAsync(new AuditCheckpoint(7, 9, 2, 3, "not a hash", default));

        (await act.Should().ThrowAsync<CheckpointFormatException>()).Which.Field.Should().Be("rootHash");
    }
}
