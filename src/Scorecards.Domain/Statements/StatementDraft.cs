using Scorecards.Domain.Scorecards;

namespace Scorecards.Domain.Statements;

/// <summary>A statement draft as the Co-Chairs edited it; without one, the draft is written afresh from the data.</summary>
public sealed class StatementDraft
{
    public const int MaxLength = 100_000;

    private StatementDraft()
    {
        Markdown = "";
        UpdatedBy = "";
    }

    public StatementDraft(int roundId)
    {
        RoundId = roundId;
        Markdown = "";
        UpdatedBy = "";
    }

    public int RoundId { get; private set; }
    public string Markdown { get; private set; }
    public string UpdatedBy { get; private set; }
    public DateTime UpdatedUtc { get; private set; }

    public Result Edit(string? markdown, string by, DateTime nowUtc)
    {
        var text = (markdown ?? "").Trim().ReplaceLineEndings("\n");
        if (text.Length == 0)
        {
            return Result.Invalid("statement.empty", [new FieldError(nameof(Markdown), "The draft is empty; to start again from the data, regenerate it instead.")]);
        }

        if (text.Length > MaxLength)
        {
            return Result.Invalid("statement.too-long", [new FieldError(nameof(Markdown), $"The draft is {text.Length:N0} characters long; at most {MaxLength:N0} are allowed.")]);
        }

        Markdown = text + "\n";
        UpdatedBy = by;
        UpdatedUtc = nowUtc;
        return Result.Ok();
    }
}
