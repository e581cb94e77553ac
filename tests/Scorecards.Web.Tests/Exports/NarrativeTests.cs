using Scorecards.Web.Features.Exports;

namespace Scorecards.Web.Tests.Exports;

/// <summary>The narratives' Markdown as the papers lay it out: formatting, never markers; every word kept, however deep.</summary>
public sealed class NarrativeTests
{
    [Fact]
    public void Emphasis_Lists_AndLinks_BecomeStyledRuns()
    {
        var blocks = Narrative.Parse("Held a **regional** event on *online scams*.\n\n1. First\n2. Second, see [the RSO](https://www.baliprocess.net/)\n\n> Quoted");

        Assert.Equal(
            [new("Held a "), new("regional", Bold: true), new(" event on "), new("online scams", Italic: true), new(".")],
            blocks[0].Spans);
        Assert.Equal((NarrativeBlockKind.ListItem, 1, "1.", "First"), (blocks[1].Kind, blocks[1].Depth, blocks[1].Marker, blocks[1].Text));
        Assert.Equal("2.", blocks[2].Marker);
        Assert.Equal(new NarrativeSpan("the RSO", Link: "https://www.baliprocess.net/"), blocks[2].Spans[^1]);
        Assert.Equal((NarrativeBlockKind.Quote, "Quoted"), (blocks[3].Kind, blocks[3].Text));
        Assert.All(blocks[3].Spans, s => Assert.True(s.Italic));
    }

    [Fact]
    public void LinkToAnythingButTheWeb_IsKeptAsItsText()
    {
        var spans = Narrative.Parse("[click](javascript:alert(1)) and [file](file:///etc/passwd)").Single().Spans;

        Assert.All(spans, s => Assert.Null(s.Link));
        Assert.Equal("click and file", string.Concat(spans.Select(s => s.Text)));
    }

    [Theory]
    [InlineData(">", 7990)]
    [InlineData("- ", 3995)]
    [InlineData("1. ", 2660)]
    public void DeeplyNestedText_IsFlattened_WithoutLosingTheWords(string marker, int depth)
    {
        var blocks = Narrative.Parse(string.Concat(Enumerable.Repeat(marker, depth)) + "deep words");

        Assert.Contains("deep words", string.Join(" ", blocks.Select(b => b.Text)));
        Assert.All(blocks, b => Assert.InRange(b.Depth, 0, Narrative.MaxDepth));
    }

    [Fact]
    public void DeeplyNestedEmphasis_KeepsItsText()
    {
        var text = string.Concat(Enumerable.Repeat("*", 3995)) + "x" + string.Concat(Enumerable.Repeat("*", 3995));

        Assert.Equal("x", Narrative.PlainText(text).Trim());
        Assert.DoesNotContain("**", string.Concat(Narrative.Parse("**bold** and *it*").SelectMany(b => b.Spans).Select(s => s.Text)));
    }
}
