using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Scorecards.Tests;

/// <summary>
/// Skips a test whose service is missing, and says why once in the test command's output (xUnit prints only [SKIP] and
/// the test's name), so a run that skipped a suite shows what to install or set.
/// </summary>
public static class Skipped
{
    private static readonly ConcurrentDictionary<string, bool> Told = new();

    [DoesNotReturn]
    public static void Because(string reason)
    {
        if (Told.TryAdd(reason, true))
        {
            TestContext.Current.SendDiagnosticMessage(reason);
        }

        Assert.Skip(reason);
        throw new System.Diagnostics.UnreachableException();
    }
}
