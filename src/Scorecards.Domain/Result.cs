using Scorecards.Domain.Scorecards;

namespace Scorecards.Domain;

/// <summary>Why an action did not happen; each kind is answered the same way by every page and the API.</summary>
public enum Failure
{
    /// <summary>It happened.</summary>
    None,

    /// <summary>The input is at fault: the fields in <see cref="Result.Errors"/>, or the message.</summary>
    Invalid,

    /// <summary>What was named does not exist.</summary>
    NotFound,

    /// <summary>The person may not do this.</summary>
    Forbidden,

    /// <summary>The input is fine but the current state refuses it (a closed round, a stale version, a duplicate).</summary>
    Conflict,
}

/// <summary>
/// The outcome of an action that can fail for an expected reason. <see cref="Code"/> is stable
/// (API clients match on it); <see cref="Message"/> is written for the person who asked; <see cref="Errors"/>
/// name the fields at fault. Exceptions are kept for the unexpected.
/// </summary>
public sealed record Result(bool Succeeded, string? Code, string? Message, IReadOnlyList<string> Details)
{
    /// <summary>The code of a request whose fields are at fault.</summary>
    public const string ValidationCode = "validation";

    private static readonly Result OkResult = new(true, null, null, []);

    public Failure Failure { get; init; } = Succeeded ? Failure.None : Failure.Conflict;

    public IReadOnlyList<FieldError> Errors { get; init; } = [];

    public static Result Ok() => OkResult;

    /// <summary>The current state refuses the action.</summary>
    public static Result Fail(string code, string message) => new(false, code, message, []);

    public static Result Fail(string code, string message, IReadOnlyList<string> details) => new(false, code, message, details);

    /// <summary>The named fields are at fault.</summary>
    public static Result Invalid(IReadOnlyList<FieldError> errors) => Invalid(ValidationCode, errors);

    /// <summary>The named fields are at fault, under a code of the rule's own; the message is the first error.</summary>
    public static Result Invalid(string code, IReadOnlyList<FieldError> errors) =>
        new(false, code, errors.Count > 0 ? errors[0].Message : "The request has invalid fields.", errors.Select(e => $"{e.Field}: {e.Message}").ToList())
        {
            Failure = Failure.Invalid,
            Errors = errors,
        };

    public static Result Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    public static Result NotFound(string what) => new(false, "not-found", $"{what} was not found.", []) { Failure = Failure.NotFound };

    public static Result Forbidden() => new(false, "forbidden", "You may not do this.", []) { Failure = Failure.Forbidden };
}

/// <summary>The outcome of an action that gives back a value when it succeeds.</summary>
public sealed class Result<T>
    where T : class
{
    private Result(T? value, Result outcome)
    {
        Value = value;
        Outcome = outcome;
    }

    public T? Value { get; }

    public Result Outcome { get; }

    public bool Succeeded => Outcome.Succeeded;

    /// <summary>The value, or null and the fields at fault: <c>var (round, errors) = await rounds.CreateAsync(…)</c>.</summary>
    public void Deconstruct(out T? value, out IReadOnlyList<FieldError> errors) => (value, errors) = (Value, Outcome.Errors);

    public static implicit operator Result<T>(T value) => new(value, Result.Ok());

    public static implicit operator Result<T>(Result failure) =>
        failure.Succeeded ? throw new ArgumentException("A value is needed for a result that succeeded.", nameof(failure)) : new(null, failure);
}
