using Scorecards.Domain.Activities;
using Scorecards.Domain.Scorecards;
using Scorecards.Domain.Statements;

namespace Scorecards.Domain.Tests.Statements;

public sealed class StatementWriterTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static readonly DateOnly Meeting = D(2025, 5, 21);

    private static StatementActivity Activity(string title, DatePrecision precision, DateOnly start, DateOnly? end = null, string? city = null, string? member = null,
        ActivityStatus status = ActivityStatus.Delivered, ActivityKind kind = ActivityKind.Meeting, string? outputs = null, string? partners = null) =>
        new(title, kind, status, start, end ?? ActivityDates.Bounds(precision, start, null).End, city, member, outputs, precision, partners);

    private static string Draft(params StatementBody[] bodies) =>
        StatementWriter.Draft(new StatementInput("18th AHG SOM, 2025", bodies, null, [], D(2024, 5, 4), Meeting));

    private static StatementBody Body(string code, params StatementActivity[] activities) =>
        new(code, $"The {code} body", Approved: false, activities, []);

    [Fact]
    public void EventsOfOneBodyInOnePlaceAndMonth_MakeOneSentence()
    {
        var draft = Draft(Body("WG-TIP",
            Activity("WG-TIP 10th Anniversary Commemorative Dialogue", DatePrecision.Month, D(2024, 11, 1), city: "Bangkok", member: "Thailand"),
            Activity("WG-TIP 10th Annual Meeting", DatePrecision.Month, D(2024, 11, 1), city: "Bangkok", member: "Thailand"),
            Activity("Regional Event on Trafficking into Online Scam Centres", DatePrecision.Month, D(2024, 11, 1), city: "Bangkok", member: "Thailand", partners: "TFPP"),
            Activity("Research on forced marriage and trafficking in persons", DatePrecision.Undated, D(2024, 12, 1), D(2025, 5, 21), kind: ActivityKind.Research)));

        Assert.Contains("The WG-TIP held its 10th Anniversary Commemorative Dialogue, its 10th Annual Meeting and the Regional Event on Trafficking into Online Scam Centres "
            + "(with the TFPP) in November 2024 in Bangkok, Thailand. It also carried out research on forced marriage and trafficking in persons.", draft);
        Assert.Equal(1, draft.Split("The WG-TIP held").Length - 1);
    }

    [Fact]
    public void Dates_AreAsPreciseAsTheData_AndAnUndatedActivityGetsNone()
    {
        var draft = Draft(
            Body("D-WG", Activity("D-WG annual meeting", DatePrecision.Days, D(2024, 7, 16), D(2024, 7, 18), "Hanoi", "Viet Nam", partners: "policymakers; law enforcement")),
            Body("RSO", Activity("Secondments from Sri Lanka", DatePrecision.Undated, D(2024, 5, 4), D(2025, 5, 21), "Bangkok", "Thailand", kind: ActivityKind.Secondment,
                outputs: "Funded by New Zealand")));

        Assert.Contains("The D-WG held its annual meeting from 16–18 July 2024 in Hanoi, Viet Nam, with policymakers and law enforcement.", draft);
        Assert.Contains("The RSO hosted secondments from Sri Lanka in Bangkok, Thailand. Funded by New Zealand.", draft);
        Assert.DoesNotContain("May 2024", draft);
    }

    [Fact]
    public void WhatFallsAfterTheMeeting_IsWrittenAsStillToCome_ReckonedFromTheMeetingNotTheClock()
    {
        // Delivered by now, but after the meeting the statement reports to: still to come, in its words.
        var draft = Draft(Body("RSO",
            Activity("Interregional Technical Workshop", DatePrecision.Days, D(2025, 5, 27), D(2025, 5, 30), "Chiang Saen", "Thailand", ActivityStatus.Delivered),
            Activity("RSO 8th Annual Meeting", DatePrecision.Quarter, D(2025, 10, 1), status: ActivityStatus.Planned),
            Activity("Planned but overdue workshop", DatePrecision.Month, D(2025, 2, 1), status: ActivityStatus.Planned),
            Activity("Cancelled seminar", DatePrecision.Month, D(2025, 3, 1), status: ActivityStatus.Cancelled)));

        Assert.Contains("Looking ahead, the RSO will hold the Interregional Technical Workshop from 27–30 May 2025 in Chiang Saen, Thailand. "
            + "It will also hold its 8th Annual Meeting in Q4 2025.", draft);
        Assert.DoesNotContain("held the Interregional", draft);
        Assert.DoesNotContain("overdue", draft);
        Assert.DoesNotContain("Cancelled", draft);
    }

    [Fact]
    public void WorkPlansAndDecisions_AreWhereTheStatementMentionsThem()
    {
        var body = new StatementBody("RSO", "Regional Support Office", Approved: false, [], [],
            [new StatementWorkPlan("2024–2026 Strategic Plan and Work Plan", D(2024, 1, 1), D(2026, 12, 31), 7, 3, 1)],
            [new StatementDecision("18th Ad Hoc Group Senior Officials' Meeting", "Review the Bali Process membership.", "Open", null)]);
        var adopted = body with { Code = "WG-TIP", WorkPlans = [new StatementWorkPlan("2024–26 Forward Work Plan", D(2024, 11, 1), D(2026, 12, 31), 5, 0, 0)], Decisions = [] };

        var draft = Draft(body, adopted);

        Assert.Contains("The RSO's 2024–2026 Strategic Plan and Work Plan sets out seven items: three delivered and one under way. "
            + "Decided at the 18th Ad Hoc Group Senior Officials' Meeting: review the Bali Process membership (open).", draft);
        Assert.Contains("The RSO will continue to implement its 2024–2026 Strategic Plan and Work Plan.", draft);
        Assert.Contains("The WG-TIP's 2024–26 Forward Work Plan sets out five items, none of them under way yet.", draft);
        Assert.Contains("- New work plans adopted in the period: the WG-TIP's 2024–26 Forward Work Plan.", draft);
    }

    [Fact]
    public void Draft_HasASectionPerBody_TheProgressPoints_AndNothingForABodyWithNothingToSay()
    {
        var input = new StatementInput("19th AHG SOM, 2026",
        [
            new("D-WG", "Working Group on the Disruption of People Smuggling and Trafficking in Persons Networks", Approved: true,
                [Activity("D-WG annual meeting", DatePrecision.Days, D(2025, 7, 16), D(2025, 7, 18), "Hanoi", "Viet Nam")],
                [new("LE-1", Completion.Substantial), new("BM-2", Completion.Limited), new("IS-2", Completion.NotApplicable)]),
            new("TFPP", "Taskforce on Planning and Preparedness", Approved: false, [], []),
        ], "Good progress overall.", [("Law enforcement", "Joint operations grew.")], D(2025, 5, 22), D(2026, 5, 20));

        var draft = StatementWriter.Draft(input);

        Assert.StartsWith("## Working Group Updates\n\n### Working Group on the Disruption of People Smuggling and Trafficking in Persons Networks (D-WG)\n", draft);
        Assert.Contains("The D-WG held its annual meeting from 16–18 July 2025 in Hanoi, Viet Nam.", draft);
        Assert.Contains("In its scorecard, the D-WG reported progress on two objectives of the Strategy: substantial on LE-1; limited on BM-2.", draft);
        Assert.DoesNotContain("TFPP", draft);
        Assert.Contains("## Progress to implement the Adelaide Strategy for Cooperation\n\n- Good progress overall.\n", draft);
        Assert.Contains("- One reporting body completed the scorecard for 19th AHG SOM, 2026 (the D-WG): 1 of 2 objectives reported on show substantial or complete progress.", draft);
        Assert.Contains("- Law enforcement: Joint operations grew.", draft);
    }
}
