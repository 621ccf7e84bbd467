using System.Diagnostics;
using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Platform;

/// <summary>OpenTelemetry as an exporter would see it, through the SDK's in-memory exporters.</summary>
public sealed class TelemetryTests(TelemetryTests.InMemoryTelemetryFixture fixture) : IClassFixture<TelemetryTests.InMemoryTelemetryFixture>
{
    private readonly Api _api = fixture.CreateApi();

    [Fact]
    public async Task A_command_is_one_trace_from_the_http_request_through_the_wolverine_handler_to_the_database_append()
    {
        var earlier = fixture.Spans.Snapshot().ToHashSet();
        var r = await _api.PostAsync("/mentors", new { fullName = "Bilal Ahmed", cnic = "35202-7654321-3" });
        r.Message.IsSuccessStatusCode.Should().BeTrue(r.ToString());

        var server = await WaitForAsync(() => fixture.Spans.Snapshot().Except(earlier).SingleOrDefault(a =>
            a.Kind == ActivityKind.Server && a.GetTagItem("url.path") as string == "/mentors" && a.GetTagItem("http.request.method") as string == "POST"));
        var database = fixture.Spans.Snapshot()
            .Where(a => a.TraceId == server.TraceId && a.Source.Name is "Npgsql" or "Marten").ToList();

        database.Should().NotBeEmpty("the append runs inside the request's trace");
        fixture.Spans.Snapshot().Should().Contain(a => a.TraceId == server.TraceId && a.Source.Name == "Wolverine",
            "the Wolverine handler runs inside the request's trace");
        database.Should().Contain(a => a.Source.Name == "Npgsql" && (a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement") ?? "").ToString()!.Contains("mt_"),
            "Marten's append reaches PostgreSQL in the same trace");
    }

    [Fact]
    public async Task Commands_are_counted_by_outcome_and_projection_lag_is_measured_per_read_model()
    {
        (await _api.PostAsync("/mentors", new { fullName = "Ayesha Khan", cnic = "35202-7654322-3" })).Message.IsSuccessStatusCode.Should().BeTrue();
        (await _api.PostAsync($"/mentors/{Guid.NewGuid()}/vetting", new { vettedBy = "Officer", vettedOn = "2025-02-01" }))
            .Status.Should().Be(HttpStatusCode.NotFound);

        fixture.Factory.Services.GetRequiredService<MeterProvider>().ForceFlush().Should().BeTrue();

        var commands = fixture.Metrics.Snapshot().Where(m => m.Name == "secondchance.commands").SelectMany(Points).ToList();
        commands.Should().Contain(p => p.Outcome == "accepted" && p.Value >= 1);
        commands.Should().Contain(p => p.Outcome == "not_found" && p.Value >= 1);
        var lag = fixture.Metrics.Snapshot().Where(m => m.Name == "secondchance.projection.lag").SelectMany(LagPoints).ToList();
        lag.Select(p => p.Projection).Should().Contain(["wages", "catalogue"]);
        lag.Should().OnlyContain(p => p.Value >= 0);
    }

    private static IEnumerable<(string? Outcome, long Value)> Points(MetricSnapshot metric)
    {
        foreach (var point in metric.MetricPoints)
        {
            string? outcome = null;
            foreach (var tag in point.Tags) if (tag.Key == "outcome") outcome = tag.Value as string;
            yield return (outcome, point.GetSumLong());
        }
    }

    private static IEnumerable<(string? Projection, long Value)> LagPoints(MetricSnapshot metric)
    {
        foreach (var point in metric.MetricPoints)
        {
            string? projection = null;
            foreach (var tag in point.Tags) if (tag.Key == "projection") projection = tag.Value as string;
            yield return (projection, point.GetGaugeLastValueLong());
        }
    }

    // the server span ends after the response has reached the client
    private static async Task<Activity> WaitForAsync(Func<Activity?> find)
    {
        for (var i = 0; i < 200; i++)
        {
            if (find() is { } found) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException("The span was not exported.");
    }

    public sealed class InMemoryTelemetryFixture : ApiFixture
    {
        public Exported<Activity> Spans { get; } = new();

        public Exported<MetricSnapshot> Metrics { get; } = new();

        protected override void ConfigureHost(IWebHostBuilder builder) => builder.ConfigureServices(s => s
            .ConfigureOpenTelemetryTracerProvider(t => t.SetSampler(new AlwaysOnSampler()).AddInMemoryExporter(Spans))
            .ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(Metrics)));
    }

    /// <summary>What an exporter received; the SDK adds from its own threads.</summary>
    public sealed class Exported<T> : ICollection<T>
    {
        private readonly List<T> _items = [];

        public List<T> Snapshot() { lock (_items) return [.. _items]; }

        public void Add(T item) { lock (_items) _items.Add(item); }

        public void Clear() { lock (_items) _items.Clear(); }

        public bool Contains(T item) { lock (_items) return _items.Contains(item); }

        public void CopyTo(T[] array, int arrayIndex) { lock (_items) _items.CopyTo(array, arrayIndex); }

        public bool Remove(T item) { lock (_items) return _items.Remove(item); }

        public int Count { get { lock (_items) return _items.Count; } }

        public bool IsReadOnly => false;

        public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
