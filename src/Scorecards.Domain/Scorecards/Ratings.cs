namespace Scorecards.Domain.Scorecards;

/// <summary>
/// How far an objective has been carried out, after the Open Government Partnership's Independent
/// Reporting Mechanism. Not applicable is kept apart from the levels: it is left out of every roll-up.
/// </summary>
public enum Completion
{
    NoEvidence,
    NotStarted,
    Limited,
    Substantial,
    Complete,
    NotApplicable,
}

public enum Trajectory
{
    OnTrack,
    SomeDelays,
    OffTrack,
}

/// <summary>"Did it strengthen regional cooperation?"</summary>
public enum Effect
{
    Worsened,
    DidNotChange,
    Marginal,
    Major,
    Outstanding,
}

/// <summary>The one vocabulary used on every page, chart and export, in the one order.</summary>
public static class Ratings
{
    /// <summary>Completion levels in display order: Complete first, Not applicable last.</summary>
    public static readonly IReadOnlyList<Completion> CompletionDisplayOrder =
    [
        Completion.Complete,
        Completion.Substantial,
        Completion.Limited,
        Completion.NotStarted,
        Completion.NoEvidence,
        Completion.NotApplicable,
    ];

    public static readonly IReadOnlyList<Trajectory> TrajectoryOrder = [Trajectory.OnTrack, Trajectory.SomeDelays, Trajectory.OffTrack];

    public static readonly IReadOnlyList<Effect> EffectOrder =
        [Effect.Outstanding, Effect.Major, Effect.Marginal, Effect.DidNotChange, Effect.Worsened];

    public static string Label(this Completion value) => value switch
    {
        Completion.NoEvidence => "No evidence available",
        Completion.NotStarted => "Not started",
        Completion.Limited => "Limited",
        Completion.Substantial => "Substantial",
        Completion.Complete => "Complete",
        Completion.NotApplicable => "Not applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    /// <summary>The level in a few letters, for a compact chip beside an objective's code; the legend spells each out.</summary>
    public static string Short(this Completion value) => value switch
    {
        Completion.NoEvidence => "NoEv",
        Completion.NotStarted => "NS",
        Completion.Limited => "Ltd",
        Completion.Substantial => "Subst",
        Completion.Complete => "Cmpl",
        Completion.NotApplicable => "n/a",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    /// <summary>A stable, lower-case name for CSS classes, files and API values.</summary>
    public static string Slug(this Completion value) => value switch
    {
        Completion.NoEvidence => "no-evidence",
        Completion.NotStarted => "not-started",
        Completion.Limited => "limited",
        Completion.Substantial => "substantial",
        Completion.Complete => "complete",
        Completion.NotApplicable => "not-applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    /// <summary>"on-track", "some-delays", "off-track": the code exports use.</summary>
    public static string Slug(this Trajectory value) => Kebab(value.ToString());

    /// <summary>"outstanding", "major", "marginal", "did-not-change", "worsened".</summary>
    public static string Slug(this Effect value) => Kebab(value.ToString());

    public static string Label(this Trajectory value) => value switch
    {
        Trajectory.OnTrack => "On track",
        Trajectory.SomeDelays => "Some delays",
        Trajectory.OffTrack => "Off track",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    /// <summary>The symbol printed beside the trajectory's word, never instead of it.</summary>
    public static string Symbol(this Trajectory value) => value switch
    {
        Trajectory.OnTrack => "▲",
        Trajectory.SomeDelays => "►",
        Trajectory.OffTrack => "▼",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Label(this Effect value) => value switch
    {
        Effect.Worsened => "Worsened",
        Effect.DidNotChange => "Did not change",
        Effect.Marginal => "Marginal",
        Effect.Major => "Major",
        Effect.Outstanding => "Outstanding",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    /// <summary>
    /// A rating read from what a person typed or chose: no value and no problem when it is blank; otherwise the value,
    /// or a problem that lists the labels they may use. Pages, the API and the offline workbook all read ratings this way.
    /// </summary>
    public static (T? Value, string? Problem) Read<T>(string? text)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        if (TryParse<T>(text, out var value))
        {
            return (value, null);
        }

        var (kind, labels) = typeof(T) == typeof(Completion) ? ("a completion level", CompletionDisplayOrder.Select(c => c.Label()))
            : typeof(T) == typeof(Trajectory) ? ("a trajectory", TrajectoryOrder.Select(t => t.Label()))
            : typeof(T) == typeof(Effect) ? ("an effect", EffectOrder.Select(e => e.Label()))
            : ($"a {typeof(T).Name}", Enum.GetNames<T>().AsEnumerable());
        return (null, $"'{text.Trim()}' is not {kind}; use one of: {string.Join(", ", labels)}.");
    }

    /// <summary>Reads a rating from the words people type (labels, slugs or enum names, any case).</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var key = Normalise(text);
        foreach (var candidate in Enum.GetValues<T>())
        {
            var label = candidate switch
            {
                Completion c => c.Label(),
                Trajectory t => t.Label(),
                Effect e => e.Label(),
                _ => candidate.ToString(),
            };
            if (Normalise(label) == key || Normalise(candidate.ToString()) == key)
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Normalise(string text) =>
        new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
