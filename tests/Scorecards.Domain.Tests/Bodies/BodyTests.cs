using Scorecards.Domain.Bodies;

namespace Scorecards.Domain.Tests.Bodies;

public sealed class BodyTests
{
    [Theory]
    [InlineData("wg-tip", true)]
    [InlineData(" TEG-RR ", true)]
    [InlineData("W", false)]
    [InlineData("WG TIP", false)]
    [InlineData("-WG", false)]
    [InlineData("A-CODE-LONGER-THAN-20", false)]
    public void Create_TakesACodeOfCapitalsDigitsAndHyphens(string code, bool valid)
    {
        var created = Body.Create(code, "Working Group");

        Assert.Equal(valid, created.Succeeded);
        if (valid)
        {
            Assert.Equal(code.Trim().ToUpperInvariant(), created.Value!.Code);
        }
        else
        {
            Assert.Equal("Code", Assert.Single(created.Outcome.Errors).Field);
        }
    }

    [Fact]
    public void Change_RenamesAndTakesOutOfReporting_WithoutTouchingItsTerms()
    {
        var body = new Body("RSO", "Regional Support Office");
        Assert.True(body.AddCoChair(1, "Australia", null, null, null, null).Succeeded);

        var changed = body.Change(" Regional Support Office ", false);
        var blank = body.Change(" ", true);

        Assert.True(changed.Succeeded);
        Assert.Equal(("Regional Support Office", false), (body.Name, body.IsActive));
        Assert.Equal("Name", Assert.Single(blank.Errors).Field);
        Assert.Single(body.CoChairs);
    }

    [Fact]
    public void Seats_AreHeldFromTheirFirstToTheirLastDay_AndSeatsOnReadsADay()
    {
        var body = new Body("WG-TIP", "Working Group on Trafficking in Persons");
        Assert.True(body.AddSeat(1, "Australia", null, null).Succeeded);
        Assert.True(body.AddSeat(2, "Fiji", new DateOnly(2024, 1, 1), 9).Succeeded);
        SetIds(body.Seats);
        Assert.True(body.EndSeat(body.Seats[1].Id, new DateOnly(2025, 6, 30), 10).Succeeded);

        Assert.Equal([1], body.SeatsOn(new DateOnly(2023, 12, 31)).Select(s => s.MemberId));
        Assert.Equal([1, 2], body.SeatsOn(new DateOnly(2025, 6, 30)).Select(s => s.MemberId));
        Assert.Equal([1], body.SeatsOn(new DateOnly(2025, 7, 1)).Select(s => s.MemberId));
        Assert.Equal((9, 10), (body.Seats[1].FromDecisionId, body.Seats[1].UntilDecisionId));
    }

    [Fact]
    public void AddSeat_ForAMemberThatAlreadySits_IsRefused_UntilThatSeatEnds()
    {
        var body = new Body("WG-TIP", "Working Group on Trafficking in Persons");
        Assert.True(body.AddSeat(2, "Fiji", new DateOnly(2024, 1, 1), null).Succeeded);
        SetIds(body.Seats);

        var twice = body.AddSeat(2, "Fiji", new DateOnly(2025, 1, 1), null);
        Assert.True(body.EndSeat(body.Seats[0].Id, new DateOnly(2024, 12, 31), null).Succeeded);
        var again = body.AddSeat(2, "Fiji", new DateOnly(2025, 1, 1), null);

        Assert.Equal("Fiji already sits on WG-TIP since 2024-01-01; end that seat first.", Assert.Single(twice.Errors).Message);
        Assert.True(again.Succeeded);
    }

    [Fact]
    public void EndSeat_RefusesALastDayBeforeItBegan_OrASeatAlreadyEnded()
    {
        var body = new Body("WG-TIP", "Working Group on Trafficking in Persons");
        Assert.True(body.AddSeat(2, "Fiji", new DateOnly(2024, 1, 1), null).Succeeded);
        SetIds(body.Seats);
        var id = body.Seats[0].Id;

        var before = body.EndSeat(id, new DateOnly(2023, 12, 31), null);
        var none = body.EndSeat(id, null, null);
        Assert.True(body.EndSeat(id, new DateOnly(2024, 6, 30), null).Succeeded);
        var ended = body.EndSeat(id, new DateOnly(2024, 9, 30), null);
        var unknown = body.EndSeat(999, new DateOnly(2024, 9, 30), null);

        Assert.Equal("It began on 2024-01-01; its last day cannot come before that.", Assert.Single(before.Errors).Message);
        Assert.Equal("Until", Assert.Single(none.Errors).Field);
        Assert.Equal("It already ended on 2024-06-30.", ended.Message);
        Assert.Equal(Failure.NotFound, unknown.Failure);
    }

    [Fact]
    public void CoChairs_HaveTerms_ThatDoNotOverlap_AndAtMostSixAtOnce()
    {
        var body = new Body("GABF", "Government and Business Forum");
        Assert.True(body.AddCoChair(1, "Australia", null, new DateOnly(2020, 1, 1), new DateOnly(2023, 12, 31), null).Succeeded);

        var overlap = body.AddCoChair(1, "Australia", null, new DateOnly(2023, 6, 1), null, null);
        var next = body.AddCoChair(1, "Australia", null, new DateOnly(2024, 1, 1), null, null);
        var both = body.AddCoChair(2, "Fiji", "A person", null, null, null);
        var neither = body.AddCoChair(null, null, " ", null, null, null);
        var backwards = body.AddCoChair(null, null, "A person", new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 1), null);
        foreach (var person in new[] { "B", "C", "D", "E", "F" })
        {
            Assert.True(body.AddCoChair(null, null, person, null, null, null).Succeeded);
        }

        var seventh = body.AddCoChair(null, null, "G", new DateOnly(2025, 1, 1), null, null);
        var earlier = body.AddCoChair(null, null, "G", new DateOnly(2018, 1, 1), new DateOnly(2019, 12, 31), null);

        Assert.Equal("Australia already co-chairs GABF from 2020-01-01 to 2023-12-31; a co-chair's terms cannot overlap.", Assert.Single(overlap.Errors).Message);
        Assert.True(next.Succeeded);
        Assert.Equal("MemberId", Assert.Single(both.Errors).Field);
        Assert.Equal("MemberId", Assert.Single(neither.Errors).Field);
        Assert.Equal("Until", Assert.Single(backwards.Errors).Field);
        Assert.Equal("GABF already has 6 co-chairs in that time; a body has at most 6 at once.", Assert.Single(seventh.Errors).Message);
        Assert.True(earlier.Succeeded); // before Australia's first term, only five others co-chaired
        Assert.Equal(6, body.CoChairsOn(new DateOnly(2025, 1, 1)).Count());
        Assert.Equal(["B", "C", "D", "E", "F"], body.CoChairsOn(new DateOnly(2021, 1, 1)).Where(c => c.PersonName is not null).Select(c => c.PersonName));
    }

    /// <summary>Gives unsaved terms the ids the database would, so they can be named.</summary>
    private static void SetIds<T>(IReadOnlyList<T> terms)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            typeof(T).GetProperty("Id")!.SetValue(terms[i], i + 1);
        }
    }
}
