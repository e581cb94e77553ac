namespace Scorecards.Domain.Rounds;

/// <summary>
/// The Co-Chairs' assessment of a round: one overall (no focus area) and one per focus area, in Markdown.
/// Written while the round is open or in review; a published round's assessment is part of what was published.
/// </summary>
public sealed class Assessment
{
    public const int MaxLength = 8000;

    private Assessment()
    {
        Text = "";
        UpdatedBy = "";
    }

    public Assessment(int roundId, int? focusAreaId)
    {
        RoundId = roundId;
        FocusAreaId = focusAreaId;
        Text = "";
        UpdatedBy = "";
    }

    public int Id { get; private set; }
    public int RoundId { get; private set; }

    /// <summary>The focus area assessed; null for the overall assessment.</summary>
    public int? FocusAreaId { get; private set; }
    public string Text { get; private set; }
    public string UpdatedBy { get; private set; }
    public DateTime UpdatedUtc { get; private set; }

    /// <summary>Until the round is published the assessment is the Co-Chairs' draft, for them and the secretariat only.</summary>
    public static bool IsPublishedIn(RoundStatus status) => status is RoundStatus.Published or RoundStatus.Archived;

    public static Result CanWrite(RoundStatus status) => status is RoundStatus.Open or RoundStatus.InReview
        ? Result.Ok()
        : Result.Fail("assessment.round-state", $"The Co-Chairs' assessment is written while a round is open or in review; this one is {Round.Label(status).ToLowerInvariant()}.");

    public Result Write(RoundStatus status, string? text, string by, DateTime nowUtc)
    {
        var allowed = CanWrite(status);
        if (!allowed.Succeeded)
        {
            return allowed;
        }

        var clean = (text ?? "").Trim().ReplaceLineEndings("\n");
        if (clean.Length > MaxLength)
        {
            return Result.Fail("assessment.too-long", $"The assessment is {clean.Length:N0} characters long; at most {MaxLength:N0} are allowed.");
        }

        Text = clean;
        UpdatedBy = by;
        UpdatedUtc = nowUtc;
        return Result.Ok();
    }
}
