using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ConnectAddon.Tests.Support;

/// <summary>A logger provider that keeps every message, formatted, with its exception: what an operator's log would hold.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public string All => string.Join(Environment.NewLine, lines);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{structured}] {exception}");
        }
    }
}
