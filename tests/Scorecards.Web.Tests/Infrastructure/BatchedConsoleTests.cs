using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Tests.Infrastructure;

/// <summary>
/// The server's console log is written in blocks: the lines must come out as the framework's formatter writes them,
/// in order, none lost at shutdown, and a flood beyond the bound must be said, not silently swallowed.
/// </summary>
public sealed class BatchedConsoleTests
{
    [Fact]
    public void LinesComeOutFormattedAndInOrder_AndShutdownWritesWhatWaits()
    {
        var output = new StringWriter();
        var provider = new BatchedConsoleLoggerProvider(SimpleFormatter(), output, Timeout.InfiniteTimeSpan);
        var logger = provider.CreateLogger("Scorecards.Requests");

        for (var i = 1; i <= 1000; i++)
        {
            logger.LogInformation("GET /rounds/{Id} 200", i);
        }

        logger.LogError(new InvalidOperationException("the disk is full"), "Saving failed");
        provider.Dispose();

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1001, lines.Length);
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => $"info: Scorecards.Requests[0] GET /rounds/{i} 200"), lines[..1000]);
        Assert.StartsWith("fail: Scorecards.Requests[0] Saving failed System.InvalidOperationException: the disk is full", lines[1000], StringComparison.Ordinal);
    }

    [Fact]
    public void WhenOutputCannotKeepUp_LinesBeyondTheBoundAreDroppedAndCounted()
    {
        var output = new StringWriter();
        var provider = new BatchedConsoleLoggerProvider(SimpleFormatter(), output, Timeout.InfiniteTimeSpan);
        var logger = provider.CreateLogger("Flood");

        for (var i = 0; i < BatchedConsoleLoggerProvider.MaxQueued + 25; i++)
        {
            logger.LogWarning("line");
        }

        provider.WriteQueued();
        provider.Dispose();

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("25 log lines were dropped: output could not keep up.", lines[0], StringComparison.Ordinal);
        Assert.Equal(BatchedConsoleLoggerProvider.MaxQueued, lines.Length - 1);
    }

    /// <summary>The framework's own single-line formatter, without timestamps so lines can be compared.</summary>
    private static ConsoleFormatter SimpleFormatter() =>
        new ServiceCollection().AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true)).BuildServiceProvider()
            .GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Simple);
}
