using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scorecards.Data.Accounts;
using Scorecards.Web.Features.Accounts;
using Scorecards.Web.Features.Settings;
using Scorecards.Web.Infrastructure.Authorization;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Security;

/// <summary>Accounts, sessions and tokens as a security officer expects them to behave.</summary>
public sealed partial class AccountSecurityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static async Task<(TestApp App, FakeTimeProvider Clock)> StartAsync()
    {
        var clock = new FakeTimeProvider(Start);
        var app = await TestApp.StartAsync(demo: false, clock: clock);
        await app.Given.BodyAsync("WG-TIP");
        await app.Given.AccountAsync("admin@example.org", Roles.Administrator);
        await app.Given.AccountAsync("reporter@example.org", Roles.Reporter, body: "WG-TIP");
        return (app, clock);
    }

    private static Task<AppUser> UserAsync(TestApp app, string email) =>
        app.Given.WithAsync<UserManager<AppUser>, AppUser>(async users => (await users.FindByEmailAsync(email))!);

    private static async Task<HttpStatusCode> HomeAsync(HttpClient client) => (await client.GetAsync("/activities", Ct)).StatusCode;

    [Fact]
    public async Task DisablingAUser_EndsTheirLiveSession_RefusesSignInAndTokens_AndEnablingRestoresTokens()
    {
        var (app, _) = await StartAsync();
        await using var _app = app;
        var session = await app.SignInAsync("reporter@example.org", Given.Password);
        var api = await app.ApiClientAsync("reporter@example.org");
        var admin = await app.SignInAsync("admin@example.org", Given.Password);
        var reporter = await UserAsync(app, "reporter@example.org");
        Assert.Equal(HttpStatusCode.OK, await HomeAsync(session));

        var disabled = await TestApp.PostFormAsync(admin, $"/admin/users/{reporter.Id}?handler=Disable", new Dictionary<string, string> { ["disable"] = "true" }, $"/admin/users/{reporter.Id}");
        var signInAgain = await TestApp.PostFormAsync(app.CreateClient(), "/account/login", new Dictionary<string, string> { ["Email"] = "reporter@example.org", ["Password"] = Given.Password });

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await HomeAsync(session));
        Assert.Contains(WebUtility.HtmlEncode(LoginModel.Failed), await signInAgain.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/bodies", Ct)).StatusCode);
        Assert.Contains("data-testid=\"disabled\"", await admin.GetStringAsync($"/admin/users/{reporter.Id}", Ct));

        await TestApp.PostFormAsync(admin, $"/admin/users/{reporter.Id}?handler=Disable", new Dictionary<string, string> { ["disable"] = "false" }, $"/admin/users/{reporter.Id}");

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/bodies", Ct)).StatusCode);
    }

    [Fact]
    public async Task ARevocationSavedByAnotherServer_StopsTheTokenHere_WithinASecond()
    {
        var (app, clock) = await StartAsync();
        await using var _app = app;
        var api = await app.ApiClientAsync("reporter@example.org");
        var session = await app.SignInAsync("reporter@example.org", Given.Password);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/bodies", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await HomeAsync(session));

        // Another server revokes the token and disables the account: the rows and the accounts version change in the
        // database, and this server is not told.
        await app.WithDbAsync(async db =>
        {
            await db.ApiTokens.ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedUtc, Start.UtcDateTime), Ct);
            await db.Users.Where(u => u.Email == "reporter@example.org").ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledUtc, Start.UtcDateTime), Ct);
            return await db.Settings.Where(s => s.Key == AccountsVersion.Key).ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, "elsewhere"), Ct);
        });
        var sameSecond = await api.GetAsync("/api/v1/bodies", Ct);
        clock.Advance(SignInCache.CheckEvery);
        var nextSecond = await api.GetAsync("/api/v1/bodies", Ct);

        Assert.Equal(HttpStatusCode.OK, sameSecond.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, nextSecond.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await HomeAsync(session));
    }

    [Fact]
    public async Task AKeptTokenSignIn_IsCopiedForEachRequest_AndNeverGrows()
    {
        var (app, _) = await StartAsync();
        await using var _app = app;
        var reporter = await UserAsync(app, "reporter@example.org");
        var (secret, _) = await app.Given.WithAsync<ApiTokenService, (string?, string?)>(t => t.CreateAsync(reporter, "script", TokenScope.ReadOnly, null, Ct));
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => api.GetAsync("/api/v1/bodies", Ct)));
        var write = await api.PostAsJsonAsync("/api/v1/activities", new { title = "A workshop" }, Ct);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        var cache = app.Services.GetRequiredService<SignInCache>();
        await using var scope = app.Services.CreateAsyncScope();
        var kept = cache.FindToken(ApiTokenService.Hash(secret!), await cache.VersionAsync(scope.ServiceProvider, Ct));
        Assert.NotNull(kept);
        Assert.DoesNotContain(kept.Principal.Claims, c => c.Type == AppClaimTypes.TokenScope);
    }

    [Fact]
    public async Task PasswordChange_SignsOutOtherSessions_AndKeepsThisOne()
    {
        var (app, _) = await StartAsync();
        await using var _app = app;
        var here = await app.SignInAsync("reporter@example.org", Given.Password);
        var elsewhere = await app.SignInAsync("reporter@example.org", Given.Password);

        var changed = await TestApp.PostFormAsync(here, "/account/password", new Dictionary<string, string> { ["Current"] = Given.Password, ["New"] = "a-brand-new-password" });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await HomeAsync(here));
        Assert.Equal(HttpStatusCode.Redirect, await HomeAsync(elsewhere));
    }

    [Fact]
    public async Task PasswordReset_EndsSessions_AndRevokesTokens()
    {
        var (app, _) = await StartAsync();
        await using var _app = app;
        var session = await app.SignInAsync("reporter@example.org", Given.Password);
        var api = await app.ApiClientAsync("reporter@example.org");
        var admin = await app.SignInAsync("admin@example.org", Given.Password);
        var reporter = await UserAsync(app, "reporter@example.org");

        await TestApp.PostFormAsync(admin, $"/admin/users/{reporter.Id}?handler=Reset", new Dictionary<string, string>(), $"/admin/users/{reporter.Id}");

        Assert.Equal(HttpStatusCode.Redirect, await HomeAsync(session));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/bodies", Ct)).StatusCode);
        Assert.All(await app.Given.WithAsync<ApiTokenService, List<TokenRow>>(t => t.ListAsync(reporter.Id, Ct)), t => Assert.NotNull(t.RevokedUtc));
    }

    [Fact]
    public async Task LockoutFromWrongPasswords_DoesNotStopTheAccountsTokens()
    {
        var (app, _) = await StartAsync();
        await using var _app = app;
        var api = await app.ApiClientAsync("reporter@example.org");
        var stranger = app.CreateClient();

        for (var i = 0; i < 6; i++)
        {
            await TestApp.PostFormAsync(stranger, "/account/login", new Dictionary<string, string> { ["Email"] = "reporter@example.org", ["Password"] = "a guess" });
        }

        Assert.True(await app.Given.WithAsync<UserManager<AppUser>, bool>(async users => await users.IsLockedOutAsync((await users.FindByEmailAsync("reporter@example.org"))!)));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/bodies", Ct)).StatusCode);
    }

    [Fact]
    public async Task Tokens_ExpireAfterNinetyDaysByDefault_AndCannotOutliveTheAdministratorsMaximum()
    {
        var (app, clock) = await StartAsync();
        await using var _app = app;
        var reporter = await UserAsync(app, "reporter@example.org");
        var api = await app.ApiClientAsync("reporter@example.org");
        await app.Given.WithAsync<SecuritySettings>(s => s.SaveAsync(new SecurityPolicy(false, 120), Ct));

        var (tooLong, error) = await app.Given.WithAsync<ApiTokenService, (string?, string?)>(t => t.CreateAsync(reporter, "nightly", TokenScope.ReadWrite, 121, Ct));
        clock.Advance(TimeSpan.FromDays(89));
        var beforeExpiry = await api.GetAsync("/api/v1/bodies", Ct);
        clock.Advance(TimeSpan.FromDays(2));
        var afterExpiry = await api.GetAsync("/api/v1/bodies", Ct);

        Assert.Null(tooLong);
        Assert.Equal("A token lives between 1 and 120 days, the most administrators allow.", error);
        Assert.Equal(HttpStatusCode.OK, beforeExpiry.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterExpiry.StatusCode);
    }

    [Fact]
    public async Task TokensPage_CreatesAReadOnlyToken_ThatReadsButCannotWrite_AndRevokingItStopsItAtOnce()
    {
        var (app, _) = await StartAsync();
        await using var _app = app;
        var browser = await app.SignInAsync("reporter@example.org", Given.Password);

        var created = await TestApp.PostFormAsync(browser, "/account/tokens/create",
            new Dictionary<string, string> { ["Name"] = "dashboard", ["ReadOnly"] = "true", ["Days"] = "30" }, "/account/tokens");
        var secret = NewToken().Match(await created.Content.ReadAsStringAsync(Ct)).Groups[1].Value;
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        var read = await api.GetAsync("/api/v1/bodies", Ct);
        var write = await api.PostAsJsonAsync("/api/v1/activities", new { title = "A workshop" }, Ct);
        var page = await browser.GetStringAsync("/account/tokens", Ct);
        var tokenId = await app.Given.WithAsync<ApiTokenService, int>(async t => (await t.ListAsync((await UserAsync(app, "reporter@example.org")).Id, Ct)).Single(r => r.Name == "dashboard").Id);
        await TestApp.PostFormAsync(browser, $"/account/tokens/revoke?id={tokenId}", new Dictionary<string, string>(), "/account/tokens");
        var afterRevoke = await api.GetAsync("/api/v1/bodies", Ct);

        Assert.StartsWith("sct_", secret);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal("token.read-only", (await JsonAsync(write)).GetProperty("code").GetString());
        Assert.Contains("dashboard", page);
        Assert.Contains("1 Apr 2026", page);
        Assert.DoesNotContain(secret, page);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
    }

    [GeneratedRegex("data-testid=\"new-token\">([^<]+)<")]
    private static partial Regex NewToken();

    [Fact]
    public async Task CookieSignedApiWrites_NeedTheAntiforgeryHeader_SoAnotherSiteCannotForgeThem()
    {
        var (app, _) = await StartAsync();
        await using var _app = app;
        var browser = await app.SignInAsync("reporter@example.org", Given.Password);
        var page = await browser.GetStringAsync("/account/password", Ct);
        var token = WebUtility.HtmlDecode(Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);

        var forged = new HttpRequestMessage(HttpMethod.Post, "/api/v1/activities") { Content = new StringContent("{\"title\":\"x\"}", System.Text.Encoding.UTF8, "text/plain") };
        forged.Headers.Add("Origin", "https://evil.example");
        var forgedResponse = await browser.SendAsync(forged, Ct);
        var bodiless = await browser.PostAsync("/api/v1/activities/1/archive", null, Ct);
        var withHeader = new HttpRequestMessage(HttpMethod.Post, "/api/v1/activities") { Content = JsonContent.Create(new { title = "" }) };
        withHeader.Headers.Add("RequestVerificationToken", token);
        var allowed = await browser.SendAsync(withHeader, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, forgedResponse.StatusCode);
        Assert.Equal("antiforgery", (await JsonAsync(forgedResponse)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, bodiless.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode);
        Assert.Equal("validation", (await JsonAsync(allowed)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Https_GetsHstsAndSecureCookies_PlainHttpDoesNot()
    {
        var (app, _) = await StartAsync();
        await using var _app = app;
        var secure = app.CreateClient();
        secure.BaseAddress = new Uri("https://scorecards.example.org");
        var plain = app.CreateClient();
        plain.BaseAddress = new Uri("http://scorecards.example.org");

        var overHttps = await secure.GetAsync("/account/login", Ct);
        var overHttp = await plain.GetAsync("/account/login", Ct);
        var signIn = await TestApp.PostFormAsync(secure, "/account/login", new Dictionary<string, string> { ["Email"] = "reporter@example.org", ["Password"] = Given.Password });

        Assert.Equal("max-age=31536000", overHttps.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("scorecards=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TwoFactor_SetUpWithACodeFromTheKey_ThenSignInAsksForIt_AndARecoveryCodeWorksOnce()
    {
        var app = await TestApp.StartAsync(demo: false);
        await using var _app = app;
        await app.Given.AccountAsync("admin@example.org", Roles.Administrator);
        var browser = await app.SignInAsync("admin@example.org", Given.Password);

        var setupResponse = await browser.GetAsync("/account/security", Ct);
        Assert.True(setupResponse.StatusCode == HttpStatusCode.OK, $"{setupResponse.StatusCode} {setupResponse.Headers.Location}");
        var setup = await setupResponse.Content.ReadAsStringAsync(Ct);
        var key = Regex.Match(setup, "data-testid=\"shared-key\">([^<]+)<").Groups[1].Value;
        var wrong = await TestApp.PostFormAsync(browser, "/account/security/enable", new Dictionary<string, string> { ["Code"] = "000000" }, "/account/security");
        var enabled = await TestApp.PostFormAsync(browser, "/account/security/enable", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, "/account/security");
        var codes = Regex.Matches(await enabled.Content.ReadAsStringAsync(Ct), "<li><code>([^<]+)</code></li>").Select(m => m.Groups[1].Value).ToList();

        var next = app.CreateClient();
        var password = await TestApp.PostFormAsync(next, "/account/login", new Dictionary<string, string> { ["Email"] = "admin@example.org", ["Password"] = Given.Password });
        var beforeCode = await next.GetAsync("/admin/users", Ct);
        var withCode = await TestApp.PostFormAsync(next, "/account/two-factor", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var afterCode = await next.GetAsync("/admin/users", Ct);

        var recovering = app.CreateClient();
        await TestApp.PostFormAsync(recovering, "/account/login", new Dictionary<string, string> { ["Email"] = "admin@example.org", ["Password"] = Given.Password });
        var recovered = await TestApp.PostFormAsync(recovering, "/account/two-factor", new Dictionary<string, string> { ["Code"] = codes[0], ["Recovery"] = "true" });
        var again = app.CreateClient();
        await TestApp.PostFormAsync(again, "/account/login", new Dictionary<string, string> { ["Email"] = "admin@example.org", ["Password"] = Given.Password });
        var reused = await TestApp.PostFormAsync(again, "/account/two-factor", new Dictionary<string, string> { ["Code"] = codes[0], ["Recovery"] = "true" });

        Assert.Equal(32, key.Replace(" ", "", StringComparison.Ordinal).Length);
        var qr = WebUtility.HtmlDecode(Regex.Match(setup, "<img src=\"([^\"]+)\" alt=\"QR code").Groups[1].Value);
        var svg = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(qr["data:image/svg+xml;base64,".Length..]));
        Assert.Contains("<svg", svg);
        Assert.EndsWith("</svg>", svg.TrimEnd());
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(10, codes.Count);
        Assert.Equal("/account/two-factor", password.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, beforeCode.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterCode.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        var reusedHtml = await reused.Content.ReadAsStringAsync(Ct);
        Assert.True(reusedHtml.Contains("That code is not right", StringComparison.Ordinal), reusedHtml[reusedHtml.IndexOf("<main", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task RequiredTwoFactor_SendsAnAdministratorWithoutItToSetItUp_ButNotAReporter()
    {
        var (app, _) = await StartAsync();
        await using var _app = app;
        await app.Given.WithAsync<SecuritySettings>(s => s.SaveAsync(new SecurityPolicy(true, 365), Ct));
        var admin = await app.SignInAsync("admin@example.org", Given.Password);
        var reporter = await app.SignInAsync("reporter@example.org", Given.Password);

        var adminPage = await admin.GetAsync("/admin/users", Ct);
        var security = await admin.GetStringAsync("/account/security", Ct);
        var adminApi = await admin.GetAsync("/api/v1/bodies", Ct);

        Assert.Equal("/account/security", adminPage.Headers.Location?.OriginalString);
        Assert.Contains("data-testid=\"required\"", security);
        Assert.Equal(HttpStatusCode.Forbidden, adminApi.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await HomeAsync(reporter));
    }
}
