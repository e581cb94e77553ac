using System.Net;
using Microsoft.EntityFrameworkCore;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Admin;

/// <summary>Broken framework files uploaded on the admin page: each is refused with where and what, and nothing changes.</summary>
public sealed class FrameworkUploadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> BrokenFiles => new()
    {
        { "syntax.yaml", "strategy:\n  code: X\n  name: [unclosed\n", "the file cannot be read" },
        { "empty.yaml", "", "empty.yaml is empty; nothing was applied." },
        { "blank.yaml", "# nothing here\n", "the file is empty" },
        { "no-strategy.yaml", "focusAreas: []\n", "strategy: is required" },
        { "unknown-field.yaml", "strategy: {code: S, name: N}\nfocusAreas:\n  - code: LE\n    name: Law enforcement\n    colour: red\n", "line 5, focusAreas[0].colour: is not a known field here" },
        { "duplicate.yaml", "strategy: {code: ASC-2023, name: N}\nfocusAreas:\n  - code: LE\n    name: L\n    objectives:\n      - {code: LE-1, title: A}\n      - {code: LE-1, title: B}\n", "line 7, focusAreas[0].objectives[1].code: objective code &#x27;LE-1&#x27; is used twice." },
        { "unknown-body.json", "{\"strategy\": {\"code\": \"ASC-2023\", \"name\": \"N\"},\n \"focusAreas\": [{\"code\": \"LE\", \"name\": \"L\",\n   \"objectives\": [{\"code\": \"LE-1\", \"title\": \"T\",\n     \"bodies\": [\"NOPE\"]}]}]}", "line 4, focusAreas[0].objectives[0].bodies: &#x27;NOPE&#x27; is not a reporting body" },
        { "not-a-list.yaml", "strategy: {code: S, name: N}\nfocusAreas: hello\n", "focusAreas: must be a list." },
        { "framework.txt", "strategy: {code: S, name: N}\n", "has the extension &#x27;.txt&#x27;" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task Upload_BrokenFile_IsRefusedWithWhereAndWhat_AndChangesNothing(string name, string content, string expected)
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var admin = await world.SignInAsync(World.Admin);
        var before = await app.WithDbAsync(db => db.Objectives.OrderBy(o => o.Code).Select(o => o.Code + o.Title + o.IsRetired).ToListAsync(Ct));
        Assert.Equal(5, before.Count);
        var response = await TestApp.PostFileAsync(admin, "/admin/framework?handler=Import", "/admin/framework", name, System.Text.Encoding.UTF8.GetBytes(content));
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, html);
        Assert.Equal(before, await app.WithDbAsync(db => db.Objectives.OrderBy(o => o.Code).Select(o => o.Code + o.Title + o.IsRetired).ToListAsync(Ct)));
    }
}
