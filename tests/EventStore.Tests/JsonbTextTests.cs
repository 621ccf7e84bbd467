using System.Text.Json;
using FluentAssertions;
using SecondChance.EventStore.Audit;
using Xunit;

namespace SecondChance.EventStore.Tests;

public sealed class JsonbTextTests(StoreFixture db) : IClassFixture<StoreFixture>
{
    [Theory]
    [InlineData("""{"b":1,"a":2,"aa":[1,2,{"z":null,"y":true}],"":false}""")]
    [InlineData("""{"amount":-0,"rate":0.50,"big":1.5E+3,"small":2e-3,"neg":-12.000,"int":123456789012345678}""")]
    [InlineData("""{"text":"quote \" backslash \\ slash / tab \t nl \n cr \r bell \u0007 urdu اردو emoji 😀 html <b>&amp;"}""")]
    [InlineData("""{"dup":1,"dup":2}""")]
    [InlineData("""[]""")]
    [InlineData("""{"nested":{"ü":1,"u":2,"zz":{"k":[[],{}]}}}""")]
    public async Task Canonical_text_matches_what_postgres_prints_for_jsonb(string json)
    {
        await using var cmd = db.DataSource.CreateCommand("select $1::jsonb::text");
        cmd.Parameters.Add(new() { Value = json });
        var postgres = (string)(await cmd.ExecuteScalarAsync())!;
        JsonbText.Canonicalize(json).Should().Be(postgres);
    }

    [Fact]
    public async Task Canonical_text_matches_postgres_for_random_documents()
    {
        var random = new Random(7);
        var docs = Enumerable.Range(0, 300).Select(_ => JsonSerializer.Serialize(RandomValue(random, 0))).ToArray();
        await using var cmd = db.DataSource.CreateCommand("select x::jsonb::text from unnest($1::text[]) with ordinality u(x, n) order by n");
        cmd.Parameters.Add(new() { Value = docs });
        var i = 0;
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) JsonbText.Canonicalize(docs[i++]).Should().Be(r.GetString(0));
        i.Should().Be(docs.Length);
    }

    private static object? RandomValue(Random random, int depth) => random.Next(depth > 2 ? 4 : 6) switch
    {
        0 => random.NextInt64(long.MinValue, long.MaxValue),
        1 => Math.Round((decimal)random.NextDouble() * 10000, random.Next(0, 4)),
        2 => new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => (char)random.Next(1, 0x7ff)).ToArray()),
        3 => random.Next(3) switch { 0 => true, 1 => false, _ => null },
        4 => Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomValue(random, depth + 1)).ToArray(),
        _ => Enumerable.Range(0, random.Next(0, 5)).ToDictionary(k => $"k{k}{new string('x', random.Next(0, 3))}", _ => RandomValue(random, depth + 1)),
    };
}
