using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Localization;

/// <summary>How a reader's language is chosen and kept: the switch, its cookie, the browser's language, and <c>?lang=</c>.</summary>
public sealed class LanguageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFirstVisit_FollowsTheBrowsersLanguage_AndMarksThePage()
    {
        await using var world = await World.StartAsync(lastRound: true);
        var client = world.App.CreateClient();

        var english = await client.GetStringAsync("/public", Ct);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("id-ID"));
        var indonesian = await client.GetStringAsync("/public", Ct);

        Assert.Contains("<html lang=\"en-GB\">", english);
        Assert.Contains(">Published scorecards</a>", english);
        Assert.Contains("hreflang=\"id\" lang=\"id\" data-testid=\"language\">Bahasa Indonesia</a>", english);
        Assert.Contains("<html lang=\"id\">", indonesian);
        Assert.Contains(">Kartu skor yang diterbitkan</a>", indonesian);
        Assert.Contains("hreflang=\"en-GB\" lang=\"en-GB\" data-testid=\"language\">English</a>", indonesian);
    }

    [Fact]
    public async Task TheSwitch_RemembersTheChoiceInACookie_AndGoesBackToThePage()
    {
        await using var world = await World.StartAsync(lastRound: true);
        var client = world.App.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-GB"));

        var page = await client.GetStringAsync("/method?x=1", Ct);
        Assert.Contains("href=\"/language?choose=id&amp;returnUrl=%2Fmethod%3Fx%3D1\"", page);
        var chosen = await client.GetAsync("/language?choose=id&returnUrl=%2Fmethod%3Fx%3D1", Ct);

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/method?x=1", chosen.Headers.Location?.OriginalString);
        Assert.Contains(chosen.Headers.GetValues("Set-Cookie"), c => c.StartsWith("scorecards.lang=", StringComparison.Ordinal) && c.Contains("max-age=31536000", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<html lang=\"id\">", await client.GetStringAsync("/public", Ct));

        var elsewhere = await client.GetAsync("/language?choose=en-GB&returnUrl=https%3A%2F%2Fexample.org%2F", Ct);
        Assert.Equal("/", elsewhere.Headers.Location?.OriginalString);
        Assert.Contains("<html lang=\"en-GB\">", await client.GetStringAsync("/public", Ct));

        var unknown = await client.GetAsync("/language?choose=fr", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task APublicPageKeptForOneLanguage_IsNotGivenToAReaderOfTheOther()
    {
        await using var world = await World.StartAsync(lastRound: true);
        var page = $"/public/rounds/{world.LastRound!.Id}";
        var english = world.App.CreateClient();
        var indonesian = world.App.CreateClient();
        indonesian.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("id"));

        var first = await english.GetAsync(page, Ct);
        var second = await indonesian.GetAsync(page, Ct);
        indonesian.DefaultRequestHeaders.IfNoneMatch.Add(first.Headers.ETag!);
        var revalidated = await indonesian.GetAsync(page, Ct);

        Assert.Contains("<html lang=\"en-GB\">", await first.Content.ReadAsStringAsync(Ct));
        Assert.Contains("<html lang=\"id\">", await second.Content.ReadAsStringAsync(Ct));
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
        Assert.Contains("Accept-Language", first.Headers.Vary);
    }

    [Fact]
    public async Task TheLinkLanguage_OutranksTheCookieAndTheBrowser()
    {
        await using var world = await World.StartAsync(lastRound: true);
        var client = world.App.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-GB"));

        Assert.Contains("<html lang=\"id\">", await client.GetStringAsync("/method?lang=id", Ct));
        Assert.Contains("<html lang=\"en-GB\">", await client.GetStringAsync("/method?lang=fr", Ct));
    }

    [Fact]
    public async Task WhereAnInstallationTurnsIndonesianOff_EveryReaderGetsEnglish_AndNoSwitch()
    {
        await using var world = await World.StartAsync(lastRound: true, settings: new Dictionary<string, string?> { ["Languages:Indonesian"] = "false" });
        var client = world.App.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("id"));

        var page = await client.GetStringAsync("/public?lang=id", Ct);

        Assert.Contains("<html lang=\"en-GB\">", page);
        Assert.DoesNotContain("Bahasa Indonesia", page);
    }

    [Fact]
    public async Task ARefusedForm_InIndonesian_SaysEachProblemInIndonesian_WithItsValues()
    {
        await using var world = await World.StartAsync();
        var id = await world.ScorecardAsync("WG-TIP");
        var client = await world.SignInAsync(World.WgTip);
        await client.GetAsync("/language?choose=id", Ct);
        var entry = $"/scorecards/{id}/entries/VM-2";

        var refused = await TestApp.PostFormAsync(client, entry, new Dictionary<string, string>
        {
            ["Form.Version"] = "1",
            ["Form.Completion"] = "Limited",
            ["Form.Progress"] = new string('p', 8001),
        });
        var html = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<h2 class=\"error-summary-title\">Terdapat masalah</h2>", html);
        Assert.Contains(">Kemajuan: Teks ini sepanjang 8001 karakter; paling banyak 8000 diperbolehkan.</a>", html);
        Assert.Contains("Paling banyak 8.000 karakter.", html);
        Assert.DoesNotContain("characters long", html);
    }

    [Fact]
    public async Task DatesAndNumbers_FollowTheLanguage()
    {
        await using var world = await World.StartAsync();
        var client = await world.SignInAsync(World.Admin);

        var english = await client.GetStringAsync($"/rounds/{world.Round.Id}", Ct);
        await client.GetAsync("/language?choose=id", Ct);
        var indonesian = await client.GetStringAsync($"/rounds/{world.Round.Id}", Ct);

        Assert.Contains("21 May 2025 – 20 May 2026", english);
        Assert.Contains("21 Mei 2025 – 20 Mei 2026", indonesian);
        Assert.Contains("dibuka 1 Februari 2026, batas waktu 1 April 2026", indonesian);
    }

    [Fact]
    public async Task ANumber_TypedInIndonesian_IsReadWithItsDecimalComma_AndShownBackTheSameWay()
    {
        await using var world = await World.StartAsync();
        var id = await world.ScorecardAsync("RSO");
        var client = await world.SignInAsync(World.Rso);
        await client.GetAsync("/language?choose=id", Ct);
        var entry = $"/scorecards/{id}/entries/LE-2";
        var page = await client.GetStringAsync(entry, Ct);
        var indicator = System.Text.RegularExpressions.Regex.Match(page, "name=\"Form.Indicators\\[0\\].IndicatorId\" value=\"(\\d+)\"").Groups[1].Value;

        var saved = await TestApp.PostFormAsync(client, entry, new Dictionary<string, string>
        {
            ["Form.Version"] = "1",
            ["Form.Completion"] = "Limited",
            ["Form.Progress"] = "Training went ahead.",
            ["Form.Indicators[0].IndicatorId"] = indicator,
            ["Form.Indicators[0].Actual"] = "12,5",
        });
        var misread = await TestApp.PostFormAsync(client, entry, new Dictionary<string, string>
        {
            ["Form.Version"] = "2",
            ["Form.Completion"] = "Limited",
            ["Form.Progress"] = "Training went ahead.",
            ["Form.Indicators[0].IndicatorId"] = indicator,
            ["Form.Indicators[0].Actual"] = "1.000",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(12.5m, await world.App.WithDbAsync(db => db.Set<global::Scorecards.Domain.Scorecards.IndicatorValue>().Select(v => v.Actual).SingleAsync(Ct)));
        Assert.Contains("value=\"12,5\"", await client.GetStringAsync(entry, Ct));
        Assert.Equal(HttpStatusCode.BadRequest, misread.StatusCode);
        Assert.Contains("‘1.000’ bukan angka.", System.Net.WebUtility.HtmlDecode(await misread.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task AnIndicatorsBaseline_TypedInIndonesian_IsReadWithItsDecimalComma_AndAThousandsPointIsRefused()
    {
        await using var world = await World.StartAsync();
        var admin = await world.SignInAsync(World.Admin);
        await admin.GetAsync("/language?choose=id", Ct);
        Dictionary<string, string> Form(string baseline) => new()
        {
            ["Input.Name"] = "Officials trained",
            ["Input.Kind"] = "Quantitative",
            ["Input.Unit"] = "officials",
            ["Input.Baseline"] = baseline,
            ["Input.Target"] = "100",
        };

        var refused = await TestApp.PostFormAsync(admin, "/admin/indicators/LE-2.1", Form("1.000"));
        var saved = await TestApp.PostFormAsync(admin, "/admin/indicators/LE-2.1", Form("12,5"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("‘1.000’ bukan angka.", System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(12.5m, await world.App.WithDbAsync(db => db.Indicators.Where(i => i.Code == "LE-2.1").Select(i => i.Baseline).SingleAsync(Ct)));
        Assert.Contains("value=\"12,5\"", await admin.GetStringAsync("/admin/indicators/LE-2.1", Ct));
    }
}
