namespace Scorecards.Domain;

/// <summary>
/// The outcome of a domain rule that can fail for an expected reason. <see cref="Code"/> is stable
/// (API clients match on it); <see cref="Message"/> is written for the person who asked.
/// </summary>
public sealed record Result(bool Succeeded, string? Code, string? Message, IReadOnlyList<string> Details)
{
    private static readonly Result OkResult = new(true, null, null, []);

    public static Result Ok() => OkResult;

    public static Result Fail(string code, string message) => new(false, code, message, []);

    public static Result Fail(string code, string message, IReadOnlyList<string> details) => new(false, code, message, details);
}
