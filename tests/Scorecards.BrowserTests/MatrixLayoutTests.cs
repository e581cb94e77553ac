using Microsoft.Playwright;

namespace Scorecards.BrowserTests;

/// <summary>
/// The round's matrix as its readers see it: whole at 1280 px, scrolling with the focus areas in view where the window
/// is narrower, a list by body on a phone. Screenshots of each are kept beside the test run for people to look at.
/// </summary>
public sealed class MatrixLayoutTests
{
    private static readonly string Shots = Path.Combine(Path.GetTempPath(), "scorecards-screenshots");

    private sealed record Box(double Left, double Top, double Right, double Bottom);

    private static async Task<IPage> PageAsync(BrowserApp app, int width, bool signedIn)
    {
        var page = signedIn
            ? await app.SignInAsync("cochair.indonesia@demo.scorecards.test")
            : await (await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl })).NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        return page;
    }

    private static async Task<Box> BoxAsync(ILocator element)
    {
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException("The element is not displayed.");
        return new Box(box.X, box.Y, box.X + box.Width, box.Y + box.Height);
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Shots);
        await page.Locator("section[aria-labelledby=matrix]").ScreenshotAsync(new() { Path = Path.Combine(Shots, name + ".png") });
    }

    [Theory]
    [InlineData("/rounds/2", true)]
    [InlineData("/public/rounds/1", false)]
    public async Task At1280_TheWholeMatrixFits_WithNothingClipped(string path, bool signedIn)
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await PageAsync(app, 1280, signedIn);
        await page.GotoAsync(path);
        await ShotAsync(page, $"matrix-1280-{(signedIn ? "round" : "public")}");

        var wrap = page.Locator(".matrix-wrap");
        var sizes = await wrap.EvaluateAsync<int[]>("w => [w.scrollWidth, w.clientWidth]");
        Assert.True(sizes[0] <= sizes[1], $"The matrix is {sizes[0]} px wide in a {sizes[1]} px box.");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 1280);
        await Assertions.Expect(page.Locator(".scroll-hint")).ToBeHiddenAsync();

        var frame = await BoxAsync(wrap);
        foreach (var header in await page.Locator("table.matrix thead th").AllAsync())
        {
            var box = await BoxAsync(header);
            Assert.True(box.Left >= frame.Left - 1 && box.Right <= frame.Right + 1, $"'{await header.InnerTextAsync()}' is outside the matrix's box.");
        }

        Assert.Equal(6 + 3, await page.Locator("table.matrix thead th").CountAsync());
        foreach (var cell in await page.Locator("table.matrix td[data-body]").AllAsync())
        {
            var box = await BoxAsync(cell);
            foreach (var chip in await cell.Locator("a.chip").AllAsync())
            {
                var inner = await BoxAsync(chip);
                Assert.True(inner.Left >= box.Left - 1 && inner.Right <= box.Right + 1, $"'{await chip.GetAttributeAsync("data-full")}' sticks out of its cell.");
            }
        }

        // The chip shows its code and a short level; its accessible name and tooltip carry the full words.
        var first = page.Locator("table.matrix a.chip").First;
        var full = await first.GetAttributeAsync("data-full");
        Assert.Matches(@"^[A-Z]{2}-\d (Complete|Substantial|Limited|Not started|No evidence available|Not applicable)$", full);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = full, Exact = true }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task InANarrowerWindow_TheMatrixScrolls_AndTheFocusAreasStayInView()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await PageAsync(app, 1000, signedIn: true);
        await page.GotoAsync("/rounds/2");
        await ShotAsync(page, "matrix-1000");

        var wrap = page.Locator(".matrix-wrap");
        await Assertions.Expect(page.Locator(".scroll-hint")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 1000);
        var area = page.Locator("table.matrix tbody th[scope=row]").First;
        var before = await BoxAsync(area);
        await wrap.EvaluateAsync("w => w.scrollLeft = 300");
        var after = await BoxAsync(area);

        Assert.True(await wrap.EvaluateAsync<int>("w => w.scrollLeft") > 0, "The matrix should scroll sideways.");
        Assert.Equal(before.Left, after.Left, 1);
    }

    [Theory]
    [InlineData("/rounds/2", true)]
    [InlineData("/public/rounds/1", false)]
    public async Task At375_EachFocusAreaReadsAsAListByBody_InsideTheScreen(string path, bool signedIn)
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await PageAsync(app, 375, signedIn);
        await page.GotoAsync(path);
        await ShotAsync(page, $"matrix-375-{(signedIn ? "round" : "public")}");

        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 375, "The page scrolls sideways on a phone.");
        var row = page.Locator("table.matrix tbody tr").First;
        Assert.Equal("block", await row.EvaluateAsync<string>("r => getComputedStyle(r).display"));
        var cells = page.Locator("table.matrix tbody td[data-body]:not(.empty)");
        Assert.True(await cells.CountAsync() > 5);
        Assert.Equal(await cells.First.GetAttributeAsync("data-body"), await cells.First.EvaluateAsync<string>("c => getComputedStyle(c, '::before').content.replaceAll('\"', '')"));
        foreach (var chip in await page.Locator("table.matrix a.chip").AllAsync())
        {
            var box = await BoxAsync(chip);
            Assert.True(box.Left >= 0 && box.Right <= 375, $"'{await chip.GetAttributeAsync("data-full")}' is outside the screen.");
        }
    }
}
