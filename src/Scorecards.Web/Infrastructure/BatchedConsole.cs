using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Scorecards.Web.Infrastructure;

/// <summary>
/// The server's console log, written in blocks. Each entry is formatted by the framework's console formatter on the
/// thread that logs it, exactly as the console logger would, and queued; one timer writes what is queued to standard
/// output every <see cref="Interval"/> in a single write. The framework's console logger instead wakes its writer
/// thread for each entry and writes each by itself; at thousands of requests a second that cost a third of the
/// server's time, and request threads waited on its full queue.
/// What is queued is written at shutdown and on an unhandled exception; a process killed outright loses at most the
/// last interval's lines. If output cannot keep up, at most <see cref="MaxQueued"/> lines wait, and the next write
/// says how many were dropped.
/// </summary>
[ProviderAlias("Console")]
public sealed class BatchedConsoleLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    public const int MaxQueued = 100_000;

    private readonly ConcurrentQueue<string> _queue = new();
    private readonly ConsoleFormatter _formatter;
    private readonly TextWriter _output;
    private readonly Timer _timer;
    private readonly Lock _writing = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
    private int _queued;
    private int _dropped;

    public BatchedConsoleLoggerProvider(IEnumerable<ConsoleFormatter> formatters, IOptions<ConsoleLoggerOptions> options)
        : this(Pick(formatters, options.Value.FormatterName), Console.Out, Interval)
    {
    }

    /// <summary>Writes to <paramref name="output"/> every <paramref name="interval"/>; never, but when asked, with an infinite one.</summary>
    internal BatchedConsoleLoggerProvider(ConsoleFormatter formatter, TextWriter output, TimeSpan interval)
    {
        _formatter = formatter;
        _output = output;
        _timer = new Timer(_ => WriteQueued(), null, interval, interval);
        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
    }

    public ILogger CreateLogger(string categoryName) => new BatchedLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
        _timer.Dispose();
        AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
        WriteQueued();
    }

    /// <summary>Writes everything queued so far, in order, in as few writes as the text allows.</summary>
    internal void WriteQueued()
    {
        lock (_writing)
        {
            var block = new StringBuilder();
            var dropped = Interlocked.Exchange(ref _dropped, 0);
            if (dropped > 0)
            {
                block.Append(DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ ", System.Globalization.CultureInfo.InvariantCulture))
                    .Append("warn: ").Append(typeof(BatchedConsoleLoggerProvider).FullName).Append("[0] ")
                    .Append(dropped).Append(" log lines were dropped: output could not keep up.").Append(Environment.NewLine);
            }

            while (_queue.TryDequeue(out var text))
            {
                Interlocked.Decrement(ref _queued);
                block.Append(text);
                if (block.Length >= 64 * 1024)
                {
                    Write(block);
                }
            }

            Write(block);
        }
    }

    private void Write(StringBuilder block)
    {
        if (block.Length == 0)
        {
            return;
        }

        try
        {
            _output.Write(block);
            _output.Flush();
        }
        catch (IOException)
        {
            // Standard output was closed (its reader went away): nothing more can be said there.
        }
        catch (ObjectDisposedException)
        {
        }

        block.Clear();
    }

    private void Enqueue(string text)
    {
        if (Interlocked.Increment(ref _queued) > MaxQueued)
        {
            Interlocked.Decrement(ref _queued);
            Interlocked.Increment(ref _dropped);
            return;
        }

        _queue.Enqueue(text);
    }

    private void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e) => WriteQueued();

    private static ConsoleFormatter Pick(IEnumerable<ConsoleFormatter> formatters, string? name)
    {
        var all = formatters.ToList();
        return all.Find(f => string.Equals(f.Name, name ?? ConsoleFormatterNames.Simple, StringComparison.OrdinalIgnoreCase))
            ?? all.Find(f => f.Name == ConsoleFormatterNames.Simple)
            ?? throw new InvalidOperationException($"No console formatter named '{name}' is registered.");
    }

    private sealed class BatchedLogger(BatchedConsoleLoggerProvider provider, string category) : ILogger
    {
        [ThreadStatic]
        private static StringWriter? _writer;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var writer = _writer ??= new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            provider._formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), provider._scopes, writer);
            var text = writer.GetStringBuilder();
            if (text.Length == 0)
            {
                return;
            }

            provider.Enqueue(text.ToString());
            text.Clear();
            if (text.Capacity > 4096)
            {
                text.Capacity = 1024;
            }
        }
    }
}
