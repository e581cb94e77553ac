using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Security;

/// <summary>
/// Framework files built to hurt the server: each is refused with a problem that names the limit, the server stays up,
/// and the framework already in place is unchanged.
/// </summary>
public sealed class FrameworkFileLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Valid = "strategy: {code: ASC-2023, name: Adelaide}\nfocusAreas:\n  - code: LE\n    name: Law enforcement\n    objectives:\n      - {code: LE-1, title: First}\n";

    public static TheoryData<string, string, int, string> HostileFiles => new()
    {
        { "YAML nested 32,000 deep", string.Concat(Enumerable.Repeat("- ", 32_000)) + "x\n", 400, "framework.too-deep" },
        { "JSON nested 32,000 deep", new string('[', 32_000) + new string(']', 32_000), 400, "framework.too-deep" },
        { "mappings nested 20,000 deep", string.Concat(Enumerable.Repeat("{a: ", 20_000)) + "1" + new string('}', 20_000), 400, "framework.too-deep" },
        { "billion laughs", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n", 400, "framework.alias" },
        { "200,000 values", "strategy: {code: S, name: N}\nfocusAreas: [" + string.Join(",", Enumerable.Repeat("1", 200_000)) + "]\n", 400, "framework.too-many-nodes" },
        { "larger than 1 MB", Valid + "# " + new string('x', 1024 * 1024) + "\n", 413, "too-large" },
        { "Latin-1, not UTF-8", "strategy: {code: S, name: \"Coop\u00e9ration\"}\n", 400, "framework.encoding" },
        { "NUL bytes", "strategy: {code: S, name: N}\0\0\n", 400, "framework.encoding" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task Api_RefusesHostileFile_NamingTheLimit_AndChangesNothing(string what, string content, int status, string code)
    {
        await using var app = await TestApp.StartAsync(demo: false);
        await app.Given.AccountAsync("admin@example.org", "Administrator");
        await app.Given.FrameworkYamlAsync(Valid);
        var api = await app.ApiClientAsync("admin@example.org");
        var bytes = what.StartsWith("Latin-1", StringComparison.Ordinal) ? Encoding.Latin1.GetBytes(content) : Encoding.UTF8.GetBytes(content);

        var response = await api.PutAsync("/api/v1/framework", new ByteArrayContent(bytes), Ct);
        var problem = await HttpJson.JsonAsync(response);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(["LE-1"], await app.WithDbAsync(db => db.Objectives.Select(o => o.Code).ToListAsync(Ct)));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/framework", Ct)).StatusCode);
    }

    [Fact]
    public async Task AdminPage_RefusesDeeplyNestedFile_WithTheLimit()
    {
        await using var app = await TestApp.StartAsync(demo: false);
        await app.Given.AccountAsync("admin@example.org", "Administrator");
        await app.Given.FrameworkYamlAsync(Valid);
        var admin = await app.SignInAsync("admin@example.org", Given.Password);

        var response = await TestApp.PostFileAsync(admin, "/admin/framework?handler=Import", "/admin/framework", "deep.json",
            Encoding.UTF8.GetBytes(new string('[', 32_000) + new string(']', 32_000)));
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("line 1: lists and mappings are nested more than 12 deep", html);
        Assert.Equal(["LE-1"], await app.WithDbAsync(db => db.Objectives.Select(o => o.Code).ToListAsync(Ct)));
    }
}
