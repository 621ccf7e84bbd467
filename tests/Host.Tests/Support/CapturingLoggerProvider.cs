using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SecondChance.Host.Tests.Support;

/// <summary>Keeps what a test Host logs at <paramref name="least"/> or above, category, level, message and exception.</summary>
public sealed class CapturingLoggerProvider(ConcurrentQueue<string> logs, LogLevel least = LogLevel.Trace) : ILoggerProvider
{
    public ILogger CreateLogger(string category) => new Logger(category, logs, least);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<string> logs, LogLevel least) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel level) => level >= least;

        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format)
        {
            if (level >= least) logs.Enqueue($"{category} {level}: {format(state, e)} {e}");
        }
    }
}
