using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Scorecards.Web;
using Scorecards.Web.Cli;

namespace Scorecards.BrowserTests;

/// <summary>
/// The real program on a real Kestrel port with demo data in a SQLite file, and Debian's Chromium driven
/// by Playwright. Without Chromium the tests skip, unless SCORECARDS_REQUIRE_SERVICES is set.
/// </summary>
public sealed class BrowserApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IPlaywright _playwright;
    private readonly string _folder;

    private BrowserApp(WebApplication app, IPlaywright playwright, IBrowser browser, string baseUrl, string folder, string? setupPath)
    {
        _app = app;
        _playwright = playwright;
        Browser = browser;
        BaseUrl = baseUrl;
        _folder = folder;
        SetupPath = setupPath;
    }

    /// <summary>On an empty installation, the one-time link to create the first administrator, as <c>serve</c> prints it.</summary>
    public string? SetupPath { get; }

    public IBrowser Browser { get; }
    public string BaseUrl { get; }

    /// <summary>The app's services, for what a journey reads outside the browser (the e-mail a person receives).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The app with the demo data, or with <paramref name="demo"/> false, empty as a new installation starts.</summary>
    public static async Task<BrowserApp> StartAsync(bool demo = true)
    {
        var chromium = Environment.GetEnvironmentVariable("SCORECARDS_TEST_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            if (Environment.GetEnvironmentVariable("SCORECARDS_REQUIRE_SERVICES") == "1")
            {
                Assert.Fail($"Chromium is not at {chromium}, and browser tests are required here.");
            }

            Scorecards.Tests.Skipped.Because($"Browser tests skipped: no Chromium at {chromium} (apt-get install chromium, or set SCORECARDS_TEST_CHROMIUM).");
        }

        var folder = Path.Combine(Path.GetTempPath(), "scorecards-browser-tests", Guid.NewGuid().ToString("N"));
        var builder = WebApp.CreateBuilder(["--urls=http://127.0.0.1:0"], folder);
        builder.Logging.ClearProviders();
        var app = WebApp.Build(builder);
        await CommandLine.PrepareAsync(app.Services, seedDemo: demo, TextWriter.Null, TestContext.Current.CancellationToken);
        string? setup = null;
        if (!demo)
        {
            await using var scope = app.Services.CreateAsyncScope();
            setup = Scorecards.Web.Features.Setup.FirstRun.PathPrefix
                + await scope.ServiceProvider.GetRequiredService<Scorecards.Web.Features.Setup.FirstRun>().IssueAsync(TestContext.Current.CancellationToken);
        }

        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new BrowserApp(app, playwright, browser, address, folder, setup);
    }

    /// <summary>A new browser profile signed in as the given demo account; with <paramref name="javaScript"/> false, one that runs no script.</summary>
    public async Task<IPage> SignInAsync(string email, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("scorecards-demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(BaseUrl + "/");
        return page;
    }

    /// <summary>Makes the browser profile of <paramref name="page"/> read in <paramref name="language"/> ("en-GB", "id"), as the header's switch does.</summary>
    public Task ReadInAsync(IPage page, string language) =>
        page.Context.AddCookiesAsync([new Cookie { Name = Scorecards.Web.Infrastructure.Localization.Languages.CookieName, Value = Uri.EscapeDataString($"c={language}|uic={language}"), Url = BaseUrl }]);

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still held open by a pooled connection is left for the temp folder's cleaner.
        }
    }
}
