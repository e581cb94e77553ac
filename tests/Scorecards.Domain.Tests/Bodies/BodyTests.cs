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
    public void Change_WithMoreThanSixCoChairs_IsRefused_AndKeepsTheOldOnes()
    {
        var body = new Body("GABF", "Government and Business Forum");
        Assert.True(body.Change("Government and Business Forum", true, [1, 2], ["A business leader"]).Succeeded);

        var refused = body.Change("Government and Business Forum", true, [1, 2, 3, 4], ["A", "B", "C"]);

        Assert.Equal("CoChairPeople", Assert.Single(refused.Errors).Field);
        Assert.Equal([1, 2, null], body.CoChairs.Select(c => c.MemberId));
        Assert.Equal("A business leader", body.CoChairs[2].PersonName);
    }

    [Fact]
    public void Change_CountsARepeatedCoChairOnce_AndDropsBlankNames()
    {
        var body = new Body("RSO", "Regional Support Office");

        var changed = body.Change(" Regional Support Office ", false, [5, 5], ["  ", "Ms Example", "Ms Example"]);

        Assert.True(changed.Succeeded);
        Assert.Equal("Regional Support Office", body.Name);
        Assert.False(body.IsActive);
        Assert.Equal(2, body.CoChairs.Count);
    }
}
