using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Scorecards.Domain.Rounds;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Accessibility;

/// <summary>An action that cannot be undone asks first, on a page of the server's own when the browser runs no script.</summary>
public sealed partial class ConfirmStepTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publish_WithTheQuestionButNoAgreement_AsksOnAPage_AndOnlyTheAgreedFormPublishes()
    {
        await using var world = await World.StartAsync();
        var round = world.Round;
        await world.App.WithDbAsync(async db =>
        {
            var r = await db.Rounds.FindAsync([round.Id], Ct);
            r!.StartReview();
            return await db.SaveChangesAsync(Ct);
        });
        var cochair = await world.SignInAsync(World.Indonesia);
        var path = $"/rounds/{round.Id}";

        var page = await cochair.GetStringAsync(path, Ct);
        Assert.Contains("name=\"__confirm\" value=\"Publish 19th AHG SOM, 2026? Its approved scorecards become public and the round is frozen.\"", page);

        var asked = await TestApp.PostFormAsync(cochair, $"{path}?handler=Publish",
            new Dictionary<string, string> { ["__confirm"] = "Publish 19th AHG SOM, 2026? Its approved scorecards become public and the round is frozen." }, path);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var question = await asked.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Please confirm", question);
        Assert.Contains("Publish 19th AHG SOM, 2026? Its approved scorecards become public and the round is frozen.", question);
        Assert.Contains($"action=\"{path}?handler=Publish\"", question);
        Assert.Contains("name=\"__confirmed\" value=\"1\"", question);
        Assert.Equal(RoundStatus.InReview, await world.RoundStatusAsync(round.Id));

        var token = Token().Match(question).Groups[1].Value;
        var agreed = await cochair.PostAsync($"{path}?handler=Publish", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["__confirmed"] = "1",
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        Assert.Equal(RoundStatus.Published, await world.RoundStatusAsync(round.Id));
    }

    [Fact]
    public async Task TheStep_CarriesEveryFieldOfTheForm_AndAFormWithoutAQuestionActsAtOnce()
    {
        await using var world = await World.StartAsync();
        var admin = await world.SignInAsync(World.Admin);
        var id = world.Round.Id.ToString(CultureInfo.InvariantCulture);

        var asked = await TestApp.PostFormAsync(admin, "/admin/rounds?handler=Review",
            new Dictionary<string, string> { ["id"] = id, ["back"] = "round", ["__confirm"] = "Close reporting?" }, "/admin/rounds");
        var question = await asked.Content.ReadAsStringAsync(Ct);

        Assert.Contains($"<input type=\"hidden\" name=\"id\" value=\"{id}\">", question);
        Assert.Contains("<input type=\"hidden\" name=\"back\" value=\"round\">", question);
        Assert.Equal(RoundStatus.Open, await world.RoundStatusAsync(world.Round.Id));

        var direct = await TestApp.PostFormAsync(admin, "/admin/rounds?handler=Review", new Dictionary<string, string> { ["id"] = id }, "/admin/rounds");
        Assert.Equal(HttpStatusCode.Redirect, direct.StatusCode);
        Assert.Equal(RoundStatus.InReview, await world.RoundStatusAsync(world.Round.Id));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
