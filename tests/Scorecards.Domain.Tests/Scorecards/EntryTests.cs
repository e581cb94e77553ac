using Scorecards.Domain.Scorecards;

namespace Scorecards.Domain.Tests.Scorecards;

public sealed class EntryTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static EntryValues Values(Completion? completion = Completion.Limited, string? reason = null, IReadOnlyList<string>? links = null,
        IReadOnlyList<IndicatorValueInput>? indicators = null) =>
        new(completion, reason, Trajectory.OnTrack, Effect.Major, "Progress text", null, null, null, links ?? [], indicators ?? []);

    [Fact]
    public void Apply_NotApplicableWithoutReason_IsRefused()
    {
        var entry = new Entry(1);

        var result = entry.Apply(Values(Completion.NotApplicable), "r", Now);

        Assert.Equal("entry.invalid", result.Code);
        Assert.Contains(result.Details, d => d.StartsWith("NotApplicableReason", StringComparison.Ordinal));
        Assert.Null(entry.Completion);
        Assert.Equal(1, entry.Version);
    }

    [Fact]
    public void Apply_NotApplicable_DropsTrajectoryAndEffect()
    {
        var entry = new Entry(1);

        entry.Apply(Values(Completion.NotApplicable, "Not in the work plan this period."), "r", Now);

        Assert.Null(entry.Trajectory);
        Assert.Null(entry.Effect);
        Assert.Empty(entry.Missing());
    }

    [Fact]
    public void Apply_LinkThatIsNotAWebAddress_NamesIt()
    {
        var result = new Entry(1).Apply(Values(links: ["https://www.baliprocess.net/", "javascript:alert(1)"]), "r", Now);

        Assert.Contains("Links: Link 2 ('javascript:alert(1)') is not a web address starting with http:// or https://.", result.Details);
    }

    [Fact]
    public void Apply_CountsVersionsAndClearsCarriedOver()
    {
        var previous = new Entry(1);
        previous.Apply(Values(indicators: [new IndicatorValueInput(7, 30, null, "note")]), "r", Now);
        var scorecard = new Scorecard(roundId: 2, bodyId: 1);
        var entry = Assert.Single(scorecard.EnsureEntries([1]));
        scorecard.CarryOver(entry, previous, "18th AHG SOM, 2025");
        Assert.True(entry.IsCarriedOver);
        Assert.False(entry.IsRatedThisRound);
        Assert.Equal(30, Assert.Single(entry.IndicatorValues).Actual);

        entry.Apply(Values(Completion.Substantial), "someone@example.org", Now);

        Assert.False(entry.IsCarriedOver);
        Assert.True(entry.IsRatedThisRound);
        Assert.Equal(2, entry.Version);
        Assert.Equal("someone@example.org", entry.UpdatedBy);
        Assert.Empty(entry.IndicatorValues);
    }

    [Fact]
    public void Apply_TooLongNarrative_IsRefused()
    {
        var values = Values() with { Challenges = new string('x', EntryValues.MaxNarrativeLength + 1) };

        Assert.Contains(new Entry(1).Apply(values, "r", Now).Details, d => d.StartsWith("Challenges", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Substantial", Completion.Substantial)]
    [InlineData("no evidence available", Completion.NoEvidence)]
    [InlineData("NOT_STARTED", Completion.NotStarted)]
    [InlineData("not-applicable", Completion.NotApplicable)]
    public void Ratings_ParseLabelsAndNames(string text, Completion expected)
    {
        Assert.True(Ratings.TryParse<Completion>(text, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Ratings_DisplayOrder_RunsFromCompleteToNotApplicable()
    {
        Assert.Equal(["Complete", "Substantial", "Limited", "Not started", "No evidence available", "Not applicable"],
            Ratings.CompletionDisplayOrder.Select(c => c.Label()));
        Assert.False(Ratings.TryParse<Completion>("excellent", out _));
    }
}
