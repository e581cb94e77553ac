using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Scorecards.Data;

namespace Scorecards.BrowserTests;

/// <summary>
/// The main pages as their readers open them, in each language, on a desktop and a phone: none is wider than the screen
/// (wide tables scroll inside their own frame), and each is kept as a screenshot for people to look at
/// (<c>SCORECARDS_SCREENSHOTS</c>, else a folder under the temporary directory).
/// </summary>
public sealed class ScreenshotTests
{
    private static readonly int[] Widths = [1280, 375];

    [Theory]
    [InlineData("en-GB")]
    [InlineData("id")]
    public async Task TheMainPages_InEachLanguage_FitADesktopAndAPhone_AndAreKeptAsScreenshots(string language)
    {
        await using var app = await BrowserApp.StartAsync();
        var (open, published, scorecard, entry) = await DemoAsync(app);
        var readers = new (string Name, string? Email, string[] Paths)[]
        {
            ("public", null, ["/public", $"/public/rounds/{published}", "/method"]),
            ("reporter", "reporter.teg-rr@demo.scorecards.test", ["/", $"/scorecards/{scorecard}", $"/scorecards/{scorecard}/entries/{entry}", "/notices"]),
            ("cochair", "cochair.indonesia@demo.scorecards.test", ["/", $"/rounds/{open}"]),
            ("admin", "admin@demo.scorecards.test", ["/admin", "/admin/rounds", "/members"]),
        };
        var folder = Path.Combine(Environment.GetEnvironmentVariable("SCORECARDS_SCREENSHOTS") ?? Path.Combine(Path.GetTempPath(), "scorecards-screenshots"), language);
        Directory.CreateDirectory(folder);
        var tooWide = new List<string>();
        var shots = 0;
        foreach (var (name, email, paths) in readers)
        {
            var page = email is null
                ? await (await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl })).NewPageAsync()
                : await app.SignInAsync(email);
            await app.ReadInAsync(page, language);
            foreach (var path in paths)
            {
                foreach (var width in Widths)
                {
                    await page.SetViewportSizeAsync(width, 900);
                    await page.GotoAsync(path);
                    Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
                    var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
                    if (scrollWidth > width)
                    {
                        tooWide.Add($"{path} as {name} at {width} px is {scrollWidth} px wide");
                    }

                    var file = $"{name}{path.Replace('/', '-').TrimEnd('-')}-{width}.png";
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, file), FullPage = true });
                    shots++;
                }
            }
        }

        Assert.True(tooWide.Count == 0, string.Join("\n", tooWide));
        TestContext.Current.SendDiagnosticMessage($"Screenshots ({language}): {shots} in {folder}.");
    }

    private static async Task<(int Open, int Published, int Scorecard, string Entry)> DemoAsync(BrowserApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var open = await db.Rounds.Where(r => r.Status == Domain.Rounds.RoundStatus.Open).Select(r => r.Id).FirstAsync();
        var published = await db.Rounds.Where(r => r.Status == Domain.Rounds.RoundStatus.Published).Select(r => r.Id).FirstAsync();
        var tegRr = await db.Bodies.Where(b => b.Code == "TEG-RR").Select(b => b.Id).SingleAsync();
        var scorecard = await db.Scorecards.Where(s => s.RoundId == open && s.BodyId == tegRr).Select(s => s.Id).SingleAsync();
        var entry = await db.Entries.Where(e => e.ScorecardId == scorecard).Join(db.Objectives, e => e.ObjectiveId, o => o.Id, (e, o) => o.Code).FirstAsync();
        return (open, published, scorecard, entry);
    }
}
