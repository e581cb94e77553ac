using Scorecards.Domain.Framework;

namespace Scorecards.Domain.Tests.Framework;

/// <summary>A framework item changed by hand follows the rules a framework file is checked against.</summary>
public sealed class FrameworkItemTests
{
    [Fact]
    public void FocusArea_WithoutAName_OrWithADescriptionOverTheLimit_IsRefused_AndKeepsItsText()
    {
        var area = new FocusArea(1, "LE", "Law enforcement");

        var result = area.Change(" ", new string('x', FrameworkRules.MaxDescriptionLength + 1));

        Assert.Equal(Failure.Invalid, result.Failure);
        Assert.Equal(["Name: The name is required.", $"Description: The description is {FrameworkRules.MaxDescriptionLength + 1} characters long; at most {FrameworkRules.MaxDescriptionLength} are allowed."],
            result.Errors.Select(e => $"{e.Field}: {e.Message}"));
        Assert.Equal(("Law enforcement", (string?)null), (area.Name, area.Description));
    }

    [Fact]
    public void Indicator_BecomingAMilestone_DropsItsUnitBaselineAndTarget_AndABadNumberIsRefused()
    {
        var indicator = new Indicator(1, "LE-1.1", "Officers trained", IndicatorKind.Quantitative);
        var refused = indicator.Change("Officers trained", IndicatorKind.Quantitative, "officers", "ten", "200", retired: false);

        var changed = indicator.Change("Joint training held", IndicatorKind.Milestone, "officers", "10", "200", retired: true);

        Assert.Equal(["Baseline: 'ten' is not a number."], refused.Errors.Select(e => $"{e.Field}: {e.Message}"));
        Assert.True(changed.Succeeded);
        Assert.Equal(("Joint training held", (string?)null, (decimal?)null, (decimal?)null), (indicator.Name, indicator.Unit, indicator.Baseline, indicator.Target));
        Assert.True(indicator.IsRetired);
        Assert.False(refused.Succeeded || indicator.Kind == IndicatorKind.Quantitative);
    }
}
