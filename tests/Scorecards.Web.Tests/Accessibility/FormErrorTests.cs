using System.Net;
using System.Text.RegularExpressions;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Accessibility;

/// <summary>A refused form says what and where: a focused summary linking each field, and each field marked and tied to its message.</summary>
public sealed class FormErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARefusedEntry_ListsEachProblemByField_LinksIt_AndMarksTheField()
    {
        await using var world = await World.StartAsync();
        var id = await world.ScorecardAsync("WG-TIP");
        var client = await world.SignInAsync(World.WgTip);
        var entry = $"/scorecards/{id}/entries/VM-2";
        var before = await client.GetStringAsync(entry, Ct);
        Assert.Contains("Markdown is allowed; at most 8,000 characters.", before);
        Assert.Contains("<p class=\"hint\" id=\"challenges-hint\">At most 8,000 characters.</p>", before);

        var refused = await TestApp.PostFormAsync(client, entry, new Dictionary<string, string>
        {
            ["Form.Version"] = "1",
            ["Form.Completion"] = "Limited",
            ["Form.Progress"] = new string('p', 8001),
            ["Form.Challenges"] = new string('c', 8002),
        });
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var summary = Regex.Match(html, "<div[^>]*data-testid=\"errors\"[^>]*>(.*?)</div>", RegexOptions.Singleline);
        Assert.True(summary.Success, "no error summary");
        Assert.Contains("autofocus", summary.Value[..summary.Value.IndexOf('>', StringComparison.Ordinal)]);
        Assert.Contains("<h2 class=\"error-summary-title\">There is a problem</h2>", summary.Value);
        Assert.Contains("<a href=\"#Form_Progress\">Progress: The text is 8001 characters long; at most 8000 are allowed.</a>", summary.Value);
        Assert.Contains("<a href=\"#Form_Challenges\">Challenges: The text is 8002 characters long; at most 8000 are allowed.</a>", summary.Value);

        // Beside each field, once: the one with a slot for it and the one without.
        Assert.Matches("<textarea[^>]*aria-describedby=\"progress-hint Form_Progress-error\"[^>]*aria-invalid=\"true\"|<textarea[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"progress-hint Form_Progress-error\"", html);
        Assert.Contains("<span class=\"field-error\" id=\"Form_Progress-error\">The text is 8001 characters long; at most 8000 are allowed.</span>", html);
        Assert.Contains("<span class=\"field-error\" id=\"Form_Challenges-error\">The text is 8002 characters long; at most 8000 are allowed.</span>", html);
        Assert.Equal(2, Regex.Count(html, "The text is 8001 characters long"));
        Assert.DoesNotContain("aria-invalid=\"true\"", Regex.Match(html, "<select[^>]*name=\"Form.Completion\"[^>]*>").Value);
    }
}
