using Scorecards.Domain.Activities;
using Scorecards.Domain.Scorecards;
using Scorecards.Domain.Statements;

namespace Scorecards.Domain.Tests.Statements;

public sealed class StatementWriterTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Sentence_ReadsLikeTheStatement()
    {
        var annual = new StatementActivity("D-WG annual meeting", ActivityKind.Meeting, ActivityStatus.Delivered, D(2024, 7, 16), D(2024, 7, 18), "Hanoi", "Viet Nam", null);
        var planned = new StatementActivity("TEG-RR 8th Annual Meeting", ActivityKind.Meeting, ActivityStatus.Planned, D(2025, 10, 1), D(2025, 12, 31), null, null, null, DatePrecision.Quarter);
        var summit = new StatementActivity("GABF Sri Lanka Summit", ActivityKind.Summit, ActivityStatus.Delivered, D(2024, 6, 13), D(2024, 6, 14), "Colombo", "Sri Lanka",
            "Launch of the Colombo Commitment.");
        var research = new StatementActivity("Research on forced marriage and trafficking in persons", ActivityKind.Research, ActivityStatus.Delivered,
            D(2024, 12, 1), D(2024, 12, 31), null, null, null, DatePrecision.Month);

        Assert.Equal("D-WG held its annual meeting from 16–18 July 2024 in Hanoi, Viet Nam.", StatementWriter.Sentence("D-WG", annual));
        Assert.Equal("TEG-RR will hold its 8th Annual Meeting in Q4 2025.", StatementWriter.Sentence("TEG-RR", planned));
        Assert.Equal("GABF held its Sri Lanka Summit from 13–14 June 2024 in Colombo, Sri Lanka. Launch of the Colombo Commitment.", StatementWriter.Sentence("GABF", summit));
        Assert.Equal("WG-TIP carried out research on forced marriage and trafficking in persons in December 2024.", StatementWriter.Sentence("WG-TIP", research));
        Assert.Equal("the collaborative workshop with the RSO on AI", StatementWriter.What("WG-TIP", research with { Title = "Collaborative workshop with the RSO on AI", Kind = ActivityKind.Workshop }));
        Assert.Equal("the Regional Meeting on Countering People Smuggling", StatementWriter.What("RSO", research with { Title = "Regional Meeting on Countering People Smuggling", Kind = ActivityKind.Meeting }));
        Assert.Equal("the Bali Process Joint Tabletop Exercise", StatementWriter.What("D-WG", research with { Title = "Bali Process Joint Tabletop Exercise", Kind = ActivityKind.TabletopExercise }));
    }

    [Fact]
    public void Draft_HasASectionPerBody_TheProgressPoints_AndNothingForCancelledActivities()
    {
        var input = new StatementInput("19th AHG SOM, 2026",
        [
            new("D-WG", "Working Group on the Disruption of People Smuggling and Trafficking in Persons Networks", Approved: true,
                [
                    new("D-WG annual meeting", ActivityKind.Meeting, ActivityStatus.Delivered, D(2025, 7, 16), D(2025, 7, 18), "Hanoi", "Viet Nam", null),
                    new("Cancelled workshop", ActivityKind.Workshop, ActivityStatus.Cancelled, D(2025, 8, 1), D(2025, 8, 1), null, null, null),
                ],
                [new("LE-1", Completion.Substantial), new("BM-2", Completion.Limited), new("IS-2", Completion.NotApplicable)]),
            new("TFPP", "Taskforce on Planning and Preparedness", Approved: false, [], []),
        ], "Good progress overall.", [("Law enforcement", "Joint operations grew.")]);

        var draft = StatementWriter.Draft(input);

        Assert.StartsWith("## Working Group Updates\n\n### Working Group on the Disruption of People Smuggling and Trafficking in Persons Networks (D-WG)\n", draft);
        Assert.Contains("D-WG held its annual meeting from 16–18 July 2025 in Hanoi, Viet Nam.", draft);
        Assert.Contains("In its scorecard, D-WG reported progress on 2 objectives of the Strategy: substantial on LE-1; limited on BM-2.", draft);
        Assert.DoesNotContain("Cancelled workshop", draft);
        Assert.DoesNotContain("TFPP", draft);
        Assert.Contains("## Progress to implement the Adelaide Strategy for Cooperation\n\n- Good progress overall.\n", draft);
        Assert.Contains("- One reporting body completed the scorecard for 19th AHG SOM, 2026 (D-WG): 1 of 2 objectives reported on show substantial or complete progress.", draft);
        Assert.Contains("- Law enforcement: Joint operations grew.", draft);
    }
}
