using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Scorecards.Domain;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Web.Infrastructure;

/// <summary>RFC 7807 problem details with a stable <c>code</c>, the one shape every API error takes.</summary>
public static class ApiProblems
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(), new PlainText() },
    };

    /// <summary>
    /// Text in a request holds no NUL or other control character (tab and line breaks apart): PostgreSQL cannot store
    /// NUL, and none belongs in a report.
    /// </summary>
    public sealed class PlainText : System.Text.Json.Serialization.JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetString();
            return value is not null && TextFiles.ForbiddenCharacter(value) is { } c
                ? throw new JsonException($"The text holds the control character U+{(int)c:X4}, which no field may contain.")
                : value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    public static ProblemHttpResult Problem(int status, string code, string detail, IDictionary<string, object?>? extra = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (extra is not null)
        {
            foreach (var (key, value) in extra)
            {
                extensions[key] = value;
            }
        }

        return TypedResults.Problem(detail, statusCode: status, title: Title(status), extensions: extensions);
    }

    /// <summary>A rule refused the action: 409, or 400 when the input itself was at fault.</summary>
    public static ProblemHttpResult FromResult(Result result, int status = StatusCodes.Status409Conflict, IDictionary<string, object?>? extra = null)
    {
        var extensions = new Dictionary<string, object?>(extra ?? new Dictionary<string, object?>());
        if (result.Details.Count > 0)
        {
            extensions["details"] = result.Details;
        }

        return Problem(status, result.Code ?? "conflict", result.Message ?? "The request conflicts with the current state.", extensions);
    }

    /// <summary>
    /// The one translation of a failed <see cref="Result"/> into problem details: invalid input 400 (with the fields),
    /// not found 404, forbidden 403, a refusal by the current state 409.
    /// </summary>
    public static ProblemHttpResult From(Result result)
    {
        if (result.Failure == Failure.Invalid && result.Errors.Count > 0 && result.Code == Result.ValidationCode)
        {
            return Validation(result.Errors);
        }

        var status = result.Failure switch
        {
            Failure.Invalid => StatusCodes.Status400BadRequest,
            Failure.NotFound => StatusCodes.Status404NotFound,
            Failure.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status409Conflict,
        };
        var extra = new Dictionary<string, object?>();
        if (result.Errors.Count > 0)
        {
            extra["errors"] = Fields(result.Errors);
        }

        return FromResult(result, status, extra);
    }

    /// <summary>Gives the framework's own validation problem the shape of <see cref="Validation"/>.</summary>
    public static void AsValidation(Microsoft.AspNetCore.Http.HttpValidationProblemDetails problem)
    {
        var errors = problem.Errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value);
        problem.Errors.Clear();
        foreach (var (field, messages) in errors)
        {
            problem.Errors[field] = messages;
        }

        problem.Title = Title(StatusCodes.Status400BadRequest);
        problem.Detail = "The request has invalid fields.";
        problem.Extensions["code"] = Result.ValidationCode;
    }

    public static ProblemHttpResult Validation(IEnumerable<FieldError> errors) =>
        Problem(StatusCodes.Status400BadRequest, "validation", "The request has invalid fields.",
            new Dictionary<string, object?>
            {
                ["errors"] = Fields(errors),
            });

    private static Dictionary<string, string[]> Fields(IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    public static ProblemHttpResult NotFound(string what) => Problem(StatusCodes.Status404NotFound, "not-found", $"{what} was not found.");

    public static string CodeFor(int status) => status switch
    {
        400 => "bad-request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        409 => "conflict",
        413 => "too-large",
        415 => "unsupported-media-type",
        429 => "too-many-requests",
        _ => status >= 500 ? "server-error" : "error",
    };

    /// <summary>Says a problem's title, detail and field messages in the current UI culture's language.</summary>
    public static void Localize(Microsoft.AspNetCore.Mvc.ProblemDetails problem, Microsoft.Extensions.Localization.IStringLocalizer t)
    {
        problem.Title = problem.Title is null ? null : Localization.Phrases.Say(t, problem.Title);
        problem.Detail = problem.Detail is null ? null : Localization.Phrases.Say(t, problem.Detail);
        if (problem is HttpValidationProblemDetails validation)
        {
            foreach (var (field, messages) in validation.Errors.ToList())
            {
                validation.Errors[field] = messages.Select(m => Localization.Phrases.Say(t, m)).ToArray();
            }
        }
    }

    private static string Title(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Sign-in required",
        403 => "Not allowed",
        404 => "Not Found",
        409 => "Conflict",
        _ => "Error",
    };

    /// <summary>
    /// What to say of a request body the API could not bind: the one place malformed, empty or non-JSON bodies are
    /// answered, naming the path and line of what is wrong.
    /// </summary>
    public static (string Code, string Detail) Unreadable(BadHttpRequestException e)
    {
        if (e.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return ("unsupported-media-type", "Send the body as application/json.");
        }

        if (e.InnerException is JsonException json)
        {
            return Unreadable(json);
        }

        return e.Message.Contains("body", StringComparison.OrdinalIgnoreCase)
            ? ("bad-json", "The body is empty; send a JSON object.")
            : (CodeFor(e.StatusCode), $"The request could not be read: {e.Message}");
    }

    /// <summary>What to say of a body that is JSON but not of the shape the request takes, naming the path.</summary>
    public static (string Code, string Detail) Unreadable(JsonException json)
    {
        var where = json.Path is { Length: > 0 } path ? $" at {path}" : "";
        var line = json.LineNumber is { } l ? $" (line {l + 1})" : "";
        return ("bad-json", $"The body is not valid JSON for this request{where}{line}: {FirstSentence(json.Message)}");
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
