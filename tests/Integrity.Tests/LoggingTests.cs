using System.Collections.Concurrent;
using FluentAssertions;
using Microsoft.Extensions.Logging;
using SecondChance.Domain;
using SecondChance.Domain.Inmates;
using Xunit;

namespace SecondChance.Integrity.Tests;

public sealed class LoggingTests
{
    [Fact]
    public async Task A_failed_append_is_logged_without_the_events_personal_data()
    {
        var logger = new CapturingLogger();
        await using var db = await TestStore.CreateAsync(logger);
        var id = Guid.NewGuid();
        var stream = StreamIds.Inmate(id);
        await db.AppendAsync(stream, TestEvents.Segregation(id, 1));
        await db.ExecuteAsync($"delete from {{schema}}.sc_event_hashes where stream_id = '{stream}'");
        const string secret = "35202-7654321-9 tuberculosis";

        var act = () => db.AppendAsync(stream, new SegregationEnded(id, secret, "medical officer", DateTimeOffset.UnixEpoch));

        await act.Should().ThrowAsync<Exception>();
        logger.Entries.Should().Contain(e => e.Level == LogLevel.Error && e.Text.Contains("has no link at version 1"));
        logger.Entries.Should().NotContain(e => e.Text.Contains("35202-7654321-9") || e.Text.Contains("tuberculosis"));
    }

    private sealed class CapturingLogger : ILogger
    {
        public ConcurrentQueue<(LogLevel Level, string Text)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, formatter(state, exception) + "\n" + exception));
    }
}
