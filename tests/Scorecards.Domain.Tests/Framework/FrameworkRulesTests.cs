using Scorecards.Domain.Framework;

namespace Scorecards.Domain.Tests.Framework;

public sealed class FrameworkRulesTests
{
    private static readonly IReadOnlySet<string> Bodies = new HashSet<string>(["WG-TIP", "RSO"], StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, int> NoLines = [];

    private static ObjectiveSpec Objective(string? code, string? title = "Title", IReadOnlyList<string>? bodies = null, int line = 5,
        IReadOnlyList<IndicatorSpec>? indicators = null) =>
        new(code, title, null, true, bodies ?? ["RSO"], indicators ?? [], new FileLocation(line, "focusAreas[0].objectives[0]"),
            new Dictionary<string, int> { ["code"] = line, ["title"] = line + 1, ["bodies"] = line + 2 });

    private static FrameworkDocument Document(params ObjectiveSpec[] objectives) =>
        new(new StrategySpec("ASC-2023", "Adelaide Strategy", null, new FileLocation(1, "strategy"), NoLines),
            [new FocusAreaSpec("LE", "Law enforcement", null, objectives, new FileLocation(3, "focusAreas[0]"), NoLines)]);

    [Fact]
    public void Validate_GoodDocument_HasNoErrors()
    {
        Assert.Empty(FrameworkRules.Validate(Document(Objective("LE-1"), Objective("LE-2")), Bodies));
    }

    [Fact]
    public void Validate_MoreObjectivesThanAnyFrameworkHas_IsOneErrorNamingTheLimits()
    {
        var objectives = Enumerable.Range(1, FrameworkRules.MaxObjectives + 1).Select(i => Objective($"LE-{i}")).ToArray();

        var error = Assert.Single(FrameworkRules.Validate(Document(objectives), Bodies));

        Assert.Equal("line 1, strategy.focusAreas: the file has 1 focus areas, 2,001 objectives and 0 indicators; a framework may have at most 50, 2,000 and 10,000.",
            error.ToString());
    }

    [Fact]
    public void Validate_NamesLinePathAndFieldOfEachError()
    {
        var errors = FrameworkRules.Validate(Document(Objective("LE-1", bodies: ["WG-TIP", "GABF"], line: 10), Objective("LE-1", title: " ", line: 20)), Bodies);

        Assert.Equal(
        [
            "line 12, focusAreas[0].objectives[0].bodies: 'GABF' is not a reporting body; known bodies are RSO, WG-TIP.",
            "line 20, focusAreas[0].objectives[0].code: objective code 'LE-1' is used twice.",
            "line 21, focusAreas[0].objectives[0].title: is required.",
        ], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void AnUnknownBody_IsNamedOnce_WithTheObjectivesThatNameIt_OrSaysThatBodiesComeFirst()
    {
        var document = Document(Objective("LE-1", bodies: ["GABF"], line: 10), Objective("LE-2", bodies: ["gabf", "RSO"], line: 20), Objective("LE-3", bodies: ["GABF"], line: 30));

        var withBodies = FrameworkRules.Validate(document, Bodies);
        var withNone = FrameworkRules.Validate(document, new HashSet<string>());

        Assert.Equal("line 12, focusAreas[0].objectives[0].bodies: 'GABF' is not a reporting body (also named by LE-2, LE-3); known bodies are RSO, WG-TIP.",
            Assert.Single(withBodies).ToString());
        Assert.Equal(2, withNone.Count);
        Assert.EndsWith("there are no reporting bodies yet: add them before a framework that assigns objectives to them.", withNone[0].ToString());
    }

    [Theory]
    [InlineData("le-1")]
    [InlineData("LE")]
    [InlineData("LE 1")]
    public void Validate_BadObjectiveCode_IsAnError(string code)
    {
        var error = Assert.Single(FrameworkRules.Validate(Document(Objective(code)), Bodies));

        Assert.Equal("code", error.Field);
    }

    [Fact]
    public void Validate_IndicatorWithBadNumberAndKind_NamesBoth()
    {
        var indicator = new IndicatorSpec("LE-1.1", "Officials trained", "percent", null, "ten", "200", new FileLocation(8, "x.indicators[0]"), NoLines);

        var errors = FrameworkRules.Validate(Document(Objective("LE-1", indicators: [indicator])), Bodies);

        Assert.Equal(["kind", "baseline"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Validate_NoFocusAreas_IsAnError()
    {
        var document = new FrameworkDocument(new StrategySpec("S", "Strategy", null, new FileLocation(1, "strategy"), NoLines), []);

        Assert.Contains("no focus areas", Assert.Single(FrameworkRules.Validate(document, Bodies)).Message);
    }
}
