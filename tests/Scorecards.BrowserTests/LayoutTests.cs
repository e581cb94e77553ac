using System.Text.Json;
using Microsoft.Playwright;

namespace Scorecards.BrowserTests;

/// <summary>The header on a phone and a desktop, and a focus ring anyone can see.</summary>
public sealed class LayoutTests
{
    [Theory]
    [InlineData("en-GB", "Main", "Administration")]
    [InlineData("id", "Utama", "Administrasi")]
    public async Task OnAPhone_TheHeaderTakesOneLine_UntilMenuOpensIt_WithoutScripts_AndOnADesktopTheNavigationIsOneLine(string language, string main, string administration)
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.SignInAsync("admin@demo.scorecards.test", javaScript: false);
        await app.ReadInAsync(page, language);
        await page.ReloadAsync();

        await page.SetViewportSizeAsync(375, 800);
        var header = page.Locator("header.site-header");
        var folded = (await header.BoundingBoxAsync())!.Height;
        Assert.True(folded <= 120, $"The header is {folded} px tall on a phone; at most 120 are allowed until it is opened.");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = main })).ToBeHiddenAsync();

        await page.GetByText("Menu", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = main })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = administration, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("admin-sections")).ToBeVisibleAsync();

        await page.SetViewportSizeAsync(1280, 800);
        await Assertions.Expect(page.GetByText("Menu", new() { Exact = true })).ToBeHiddenAsync();
        var links = await page.GetByRole(AriaRole.Navigation, new() { Name = main }).GetByRole(AriaRole.Link).AllAsync();
        var tops = new HashSet<double>();
        foreach (var link in links)
        {
            tops.Add(Math.Round((await link.BoundingBoxAsync())!.Y));
        }

        Assert.True(tops.Count == 1, $"The administrator's navigation ({language}) wraps onto {tops.Count} lines at 1280 px.");
    }

    [Fact]
    public async Task EveryFocusRing_HasAtLeast3To1ContrastWithWhatItSitsOn_InTheHeaderAndOnThePage()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.SignInAsync("admin@demo.scorecards.test");
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/rounds/2");

        var seen = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var ring = await page.EvaluateAsync<JsonElement>(Measure);
            var what = $"{ring.GetProperty("tag").GetString()} '{ring.GetProperty("text").GetString()}'";
            Assert.True(ring.GetProperty("style").GetString() != "none" && ring.GetProperty("width").GetDouble() >= 2, $"{what} shows no focus ring.");
            Assert.True(ring.GetProperty("ratio").GetDouble() >= 3, $"{what}: its focus ring has {ring.GetProperty("ratio").GetDouble():0.0}:1 contrast with what it sits on.");
            seen.Add(what);
        }

        Assert.Contains(seen, s => s.Contains("'Rounds'", StringComparison.Ordinal));
        Assert.Contains(seen, s => s.StartsWith("BUTTON", StringComparison.Ordinal));
    }

    // The focused element's outline, and its contrast with the first opaque background behind the element (the ring sits outside it).
    private const string Measure = """
        () => {
          const el = document.activeElement;
          const cs = getComputedStyle(el);
          const parse = c => (c.match(/[\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => {
            const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
          };
          let bg = [255, 255, 255];
          for (let up = el.parentElement; up; up = up.parentElement) {
            const c = parse(getComputedStyle(up).backgroundColor);
            if (c.length === 3 || (c.length === 4 && c[3] > 0)) { bg = c; break; }
          }
          const [hi, lo] = [lum(parse(cs.outlineColor)), lum(bg)].sort((x, y) => y - x);
          return { tag: el.tagName, text: (el.textContent || el.getAttribute("name") || "").trim().slice(0, 40), style: cs.outlineStyle,
            width: parseFloat(cs.outlineWidth), ratio: (hi + 0.05) / (lo + 0.05) };
        }
        """;
}
