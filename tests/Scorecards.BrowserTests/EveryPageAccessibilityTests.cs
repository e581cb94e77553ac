using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Scorecards.Data;
using Scorecards.Web.Infrastructure.Localization;

namespace Scorecards.BrowserTests;

/// <summary>Every page of the route table, as every role reads it, has no serious or critical accessibility violation.</summary>
public sealed partial class EveryPageAccessibilityTests
{
    private static readonly (string Role, string? Email)[] Readers =
    [
        ("public", null), ("member viewer", "viewer@demo.scorecards.test"), ("reporter", "reporter.teg-rr@demo.scorecards.test"),
        ("Co-Chair", "cochair.indonesia@demo.scorecards.test"), ("administrator", "admin@demo.scorecards.test"),
    ];

    // Pages a link from an e-mail or the command line opens, with a secret no test reader has.
    private static readonly string[] ByLinkOnly = ["/setup/{token}", "/account/welcome", "/account/reset", "/notices/unsubscribe"];

    [Theory]
    [InlineData("en-GB")]
    [InlineData("id")]
    public async Task EveryPage_AsEveryReader_InEachLanguage_HasNoSeriousOrCriticalViolation_AndNoUntranslatedText(string language)
    {
        await using var app = await BrowserApp.StartAsync();
        var paths = await PathsAsync(app);
        var missing = app.Services.GetRequiredService<MissingText>();
        missing.Clear();
        var problems = new List<string>();
        var scanned = new HashSet<string>();
        foreach (var (role, email) in Readers)
        {
            var page = email is null
                ? await (await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl })).NewPageAsync()
                : await app.SignInAsync(email);
            await app.ReadInAsync(page, language);
            foreach (var path in paths)
            {
                var response = await page.GotoAsync(path);
                // A page this reader may not open sends them to the sign-in or refusal page, which is checked once for everyone.
                var landed = new Uri(page.Url).AbsolutePath;
                if (!scanned.Add(landed == path.Split('?')[0] ? $"{role} {path}" : landed))
                {
                    continue;
                }

                Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
                var results = await page.RunAxe();
                problems.AddRange(results.Violations.Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{path} as {role} ({response?.Status}): {v.Id} ({v.Impact}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(scanned.Count > paths.Count * 2, $"only {scanned.Count} page loads were checked");
        Assert.True(missing.Texts.Count == 0, $"{missing.Texts.Count} texts have no translation:\n" + string.Join("\n", missing.Texts));
        TestContext.Current.SendDiagnosticMessage($"Accessibility ({language}): {scanned.Count} page loads of {paths.Count} pages as {Readers.Length} readers, no serious or critical violation.");
    }

    /// <summary>Each page of the route table, its parameters filled with the demo's things; a parameter not known here fails the test.</summary>
    private static async Task<List<string>> PathsAsync(BrowserApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var open = await db.Rounds.Where(r => r.Status == Domain.Rounds.RoundStatus.Open).Select(r => r.Id).FirstAsync();
        var published = await db.Rounds.Where(r => r.Status == Domain.Rounds.RoundStatus.Published).Select(r => r.Id).FirstAsync();
        var tegRr = await db.Bodies.Where(b => b.Code == "TEG-RR").Select(b => b.Id).SingleAsync();
        var scorecard = await db.Scorecards.Where(s => s.RoundId == open && s.BodyId == tegRr).Select(s => s.Id).SingleAsync();
        var entry = await db.Entries.Where(e => e.ScorecardId == scorecard).Join(db.Objectives, e => e.ObjectiveId, o => o.Id, (e, o) => o.Code).FirstAsync();
        var plan = await db.WorkPlanItems.Select(i => new { i.WorkPlanId, i.Id }).FirstAsync();
        var proposal = await db.MembershipProposals.Select(p => (int?)p.Id).FirstOrDefaultAsync();
        var ids = new (string Prefix, string Value)[]
        {
            ("/rounds/", Id(open)), ("/public/rounds/", Id(published)), ("/scorecards/", Id(scorecard)),
            ("/activities/", Id(await db.Activities.Select(a => a.Id).FirstAsync())), ("/meetings/", Id(await db.Meetings.Select(m => m.Id).FirstAsync())),
            ("/decisions/", Id(await db.Decisions.Select(d => d.Id).FirstAsync())), ("/workplans/", Id(plan.WorkPlanId)),
            ("/members/", Id(await db.Members.Select(m => m.Id).FirstAsync())), ("/admin/members/", Id(await db.Members.Select(m => m.Id).FirstAsync())),
            ("/secondments/", Id(await db.Secondments.Select(s => s.Id).FirstAsync())), ("/admin/users/", await db.Users.Select(u => u.Id).FirstAsync()),
        };
        var codes = new (string Prefix, string Value)[]
        {
            ("/admin/focus-areas/", await db.FocusAreas.Select(f => f.Code).FirstAsync()), ("/focus-areas/", await db.FocusAreas.Select(f => f.Code).FirstAsync()),
            ("/public/focus-areas/", await db.FocusAreas.Select(f => f.Code).FirstAsync()), ("/public/objectives/", entry),
            ("/admin/objectives/", entry), ("/objectives/", entry), ("/admin/indicators/", await db.Indicators.Select(i => i.Code).FirstAsync()),
            ("/scorecards/", entry), ("/admin/bodies/", "TEG-RR"), ("/bodies/", "TEG-RR"), ("/public/rounds/", "TEG-RR"),
        };
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => Constraint().Replace("/" + e.RoutePattern.RawText!.Trim('/'), "{$1}").Replace("/{handler}", "", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var paths = new List<string>();
        foreach (var route in routes.Where(r => !ByLinkOnly.Contains(r) && !r.StartsWith("/error", StringComparison.Ordinal)))
        {
            foreach (var expanded in route.Contains("{kind}", StringComparison.Ordinal)
                ? [route.Replace("{kind}", "objectives", StringComparison.Ordinal), route.Replace("{kind}", "focus-areas", StringComparison.Ordinal)]
                : new[] { route })
            {
                if (expanded.StartsWith("/membership/{id}", StringComparison.Ordinal) && proposal is null)
                {
                    continue;
                }

                var path = Fill(Fill(expanded.Replace("/membership/{id}", "/membership/" + Id(proposal ?? 0), StringComparison.Ordinal), "{id}", ids), "{code}", codes)
                    .Replace("{itemId}", Id(plan.Id), StringComparison.Ordinal);
                Assert.False(path.Contains('{', StringComparison.Ordinal), $"The test knows no value for the page {route}: add one.");
                paths.Add(path.Length == 0 ? "/" : path);
            }
        }

        return paths;
    }

    // The value of the longest prefix that ends where the parameter stands: "/public/rounds/{id}/bodies/{code}" takes the public round and a body.
    private static string Fill(string route, string parameter, (string Prefix, string Value)[] values)
    {
        var at = route.IndexOf(parameter, StringComparison.Ordinal);
        if (at < 0)
        {
            return route;
        }

        var known = values.Where(v => route.StartsWith(v.Prefix, StringComparison.Ordinal)).OrderByDescending(v => v.Prefix.Length).Select(v => v.Value).FirstOrDefault();
        return known is null ? route : route[..at] + known + route[(at + parameter.Length)..];
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\{([a-zA-Z]+)(:[^}]*?)?\??\}")]
    private static partial Regex Constraint();
}
