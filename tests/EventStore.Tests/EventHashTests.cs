using FluentAssertions;
using SecondChance.EventStore.Audit;
using Xunit;

namespace SecondChance.EventStore.Tests;

public sealed class EventHashTests(StoreFixture db) : IClassFixture<StoreFixture>
{
    [Theory]
    [InlineData("inmate-1", "inmate_admitted.v1", """{"a": 1}""", "*DEFAULT*", null, null, null)]
    [InlineData("item:42", "note_written.v1", """{"text": "قیدی اردو ✓ 😀 \"q\" \\ tab\t"}""", "karachi", "clerk-ü", """{"x": "1"}""", "00000000-0000-0000-0000-000000000001")]
    public async Task Content_hash_is_the_sha256_of_the_fields_as_the_database_encodes_them(
        string stream, string type, string data, string tenant, string? actor, string? headers, string? correlation)
    {
        var id = Guid.NewGuid();
        Guid? correlationId = correlation is null ? null : Guid.Parse(correlation);
        await using var cmd = db.DataSource.CreateCommand("""
            select sha256(convert_to(sc.hash_field($1::text) || sc.hash_field($2) || sc.hash_field($3) || sc.hash_field($4::jsonb::text)
                   || sc.hash_field($5) || sc.hash_field($6::uuid::text) || sc.hash_field(null::text) || sc.hash_field($7)
                   || sc.hash_field($8::jsonb::text), 'UTF8'))
            """);
        foreach (var value in new object?[] { id, stream, type, data, tenant, correlationId, actor, headers })
            cmd.Parameters.Add(new() { Value = value ?? DBNull.Value, NpgsqlDbType = value is Guid || cmd.Parameters.Count == 5
                ? NpgsqlTypes.NpgsqlDbType.Uuid : NpgsqlTypes.NpgsqlDbType.Text });
        var expected = (byte[])(await cmd.ExecuteScalarAsync())!;

        EventHash.Content(id, stream, type, JsonbText.Canonicalize(data), tenant, correlationId, null, actor,
                headers is null ? null : JsonbText.Canonicalize(headers))
            .Should().Equal(expected);
    }

    [Fact]
    public async Task The_link_is_computed_alike_by_the_database_and_the_client()
    {
        var content = EventHash.Content(Guid.NewGuid(), "s-1", "t.v1", "{}", "*DEFAULT*", null, null, null, null);
        var previous = System.Security.Cryptography.SHA256.HashData([1, 2, 3]);
        var at = new DateTimeOffset(2026, 11, 22, 10, 30, 15, TimeSpan.FromHours(5)).AddTicks(1234560).ToUniversalTime();
        await using var cmd = db.DataSource.CreateCommand("select (sc.chain_hashes($1, array[$2], 41, $3))[1], (sc.chain_hashes(null, array[$2], 0, $3))[1]");
        cmd.Parameters.Add(new() { Value = previous });
        cmd.Parameters.Add(new() { Value = content });
        cmd.Parameters.Add(new() { Value = at });
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();

        EventHash.Link(content, 42, EventHash.Micros(at), previous).Should().Equal(r.GetFieldValue<byte[]>(0));
        EventHash.Link(content, 1, EventHash.Micros(at), null).Should().Equal(r.GetFieldValue<byte[]>(1));
    }
}
