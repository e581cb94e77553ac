using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data.Accounts;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Setup;

/// <summary>Bodies with their co-chairs, and people's accounts, set up from files: previewed, checked row by row, applied whole or not at all.</summary>
public sealed class BulkSetupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Admin = "admin@example.org";

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    /// <summary>An installation with its members and Co-Chair governments, no bodies and one administrator.</summary>
    public static TheoryData<Data.DatabaseProvider> Providers => [Data.DatabaseProvider.Sqlite, Data.DatabaseProvider.Postgres];

    private static async Task<TestApp> StartAsync(Data.DatabaseProvider provider = Data.DatabaseProvider.Sqlite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = await TestApp.StartAsync(demo: false, provider: provider, settings: settings);
        foreach (var member in new[] { "Indonesia", "Australia", "Viet Nam", "Thailand" })
        {
            await app.Given.MemberAsync(member);
        }

        await app.Given.CoChairGovernmentsAsync("Indonesia", "Australia");
        await app.Given.AccountAsync(Admin, Roles.Administrator);
        return app;
    }

    private const string Bodies = """
        Code,Name,Reports,Co-chairs,Co-chairs not members,Co-chairs from
        WG-TIP,Working Group on Trafficking in Persons,yes,Indonesia; Australia,,
        rso,Regional Support Office,,,,
        GABF,Government and Business Forum,yes,Indonesia; Australia,Business co-chair A; Business co-chair B,

        """;

    [Fact]
    public async Task BodiesFile_IsPreviewed_ThenAppliedWithItsCoChairs_AndItsExportImportsAsUnchanged()
    {
        await using var app = await StartAsync();
        var admin = await app.ApiClientAsync(Admin);

        var preview = await JsonAsync(await admin.PostAsync("/api/v1/bodies/import?dryRun=true&fileName=bodies.csv", Csv(Bodies), Ct));
        Assert.Equal((3, 3, 0), (preview.GetProperty("rows").GetInt32(), preview.GetProperty("created").GetInt32(), preview.GetProperty("rejected").GetInt32()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Bodies.CountAsync(Ct)));

        var applied = await admin.PostAsync("/api/v1/bodies/import?fileName=bodies.csv", Csv(Bodies), Ct);

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var gabf = await JsonAsync(await admin.GetAsync("/api/v1/bodies/GABF", Ct));
        Assert.Equal(["Indonesia", "Australia", "Business co-chair A", "Business co-chair B"],
            gabf.GetProperty("coChairs").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.All(gabf.GetProperty("coChairs").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("from").ValueKind));
        Assert.Equal("RSO", (await JsonAsync(await admin.GetAsync("/api/v1/bodies/RSO", Ct))).GetProperty("code").GetString());

        var exported = await admin.GetStringAsync("/api/v1/bodies/export?format=csv", Ct);
        Assert.Contains("GABF,Government and Business Forum,yes,Indonesia; Australia,Business co-chair A; Business co-chair B,", exported);
        var again = await JsonAsync(await admin.PostAsync("/api/v1/bodies/import?fileName=bodies.csv", Csv(exported), Ct));
        Assert.Equal((0, 0, 3), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public async Task BodiesFile_NamingNewCoChairsFromADay_EndsTheOthersTheDayBefore()
    {
        await using var app = await StartAsync();
        var admin = await app.ApiClientAsync(Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/bodies/import?fileName=bodies.csv", Csv(Bodies), Ct)).StatusCode);

        var changed = await JsonAsync(await admin.PostAsync("/api/v1/bodies/import?fileName=change.csv", Csv("""
            Code,Name,Co-chairs,Co-chairs from
            WG-TIP,Working Group on Trafficking in Persons,Indonesia; Thailand,2026-01-01
            """), Ct));

        Assert.Equal(1, changed.GetProperty("updated").GetInt32());
        var terms = (await JsonAsync(await admin.GetAsync("/api/v1/bodies/WG-TIP", Ct))).GetProperty("coChairs").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString(), c.GetProperty("from").GetString(), c.GetProperty("until").GetString())).ToList();
        Assert.Contains(("Australia", null, "2025-12-31"), terms);
        Assert.Contains(("Thailand", "2026-01-01", null), terms);
        Assert.Contains(("Indonesia", null, null), terms);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BodiesFile_WithAnyBadRow_ChangesNothing_AndNamesEachBodyAndColumn(Data.DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var admin = await app.ApiClientAsync(Admin);

        var refused = await admin.PostAsync("/api/v1/bodies/import?fileName=bodies.csv", Csv("""
            Code,Name,Reports,Co-chairs
            WG-TIP,Working Group on Trafficking in Persons,yes,Indonesa
            D-WG,Working Group on Disruption,maybe,
            TFPP,Task Force on Planning and Preparedness,yes,Thailand
            wg-tip,Again,yes,
            X,,yes,
            """), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var rejections = (await JsonAsync(refused)).GetProperty("preview").GetProperty("rejections").EnumerateArray()
            .Select(r => (r.GetProperty("record").GetString(), r.GetProperty("column").GetString(), r.GetProperty("reason").GetString()!)).ToList();
        Assert.Contains(rejections, r => r is ("WG-TIP", "Co-chairs", _) && r.Item3.StartsWith("'Indonesa' is not a member", StringComparison.Ordinal));
        Assert.Contains(rejections, r => r is ("D-WG", "Reports", _));
        Assert.Contains(rejections, r => r is ("WG-TIP", "Code", "Repeats row 2: each body is named once."));
        Assert.Equal(3, rejections.Count);
        Assert.Equal(0, await app.WithDbAsync(db => db.Bodies.CountAsync(Ct)));

        // The row checks pass; the register's own rule refuses the nameless body, and the good rows before it are not kept either.
        var late = await admin.PostAsync("/api/v1/bodies/import?fileName=bodies.csv", Csv("Code,Name\nTFPP,Task Force on Planning and Preparedness\nTEG-RR,\n"), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        var rejection = Assert.Single((await JsonAsync(late)).GetProperty("preview").GetProperty("rejections").EnumerateArray());
        Assert.Equal(("TEG-RR", "Name"), (rejection.GetProperty("record").GetString(), rejection.GetProperty("column").GetString()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Bodies.CountAsync(Ct)));
    }

    private const string Accounts = """
        E-mail,Name,Role,Body,Member
        tip.reporter@example.org,Tip Reporter,Reporter,WG-TIP,
        reviewer.id@example.org,Reviewer Indonesia,Co-Chair reviewer,,Indonesia
        focal.vn@example.org,Focal Point Viet Nam,member viewer,,Viet Nam
        secretariat@example.org,RSO Officer,Administrator; Reporter,RSO; WG-TIP,

        """;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AccountsFile_InvitesEachNewPerson_WithLinksToPassOnWhenNoMailIsSent_AndItsExportImportsAsUnchanged(Data.DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        await app.Given.BodyAsync("WG-TIP");
        await app.Given.BodyAsync("RSO");
        var admin = await app.ApiClientAsync(Admin);

        var preview = await JsonAsync(await admin.PostAsync("/api/v1/users/import?dryRun=true&fileName=people.csv", Csv(Accounts), Ct));
        Assert.Equal(4, preview.GetProperty("preview").GetProperty("created").GetInt32());
        Assert.Empty(preview.GetProperty("invitations").EnumerateArray());
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Outbox.CountAsync(Ct)));

        var applied = await JsonAsync(await admin.PostAsync("/api/v1/users/import?fileName=people.csv", Csv(Accounts), Ct));

        Assert.True(applied.GetProperty("preview").GetProperty("applied").GetBoolean());
        Assert.False(applied.GetProperty("mailed").GetBoolean());
        var links = applied.GetProperty("invitations").EnumerateArray().ToDictionary(i => i.GetProperty("email").GetString()!, i => i.GetProperty("link").GetString()!);
        Assert.Equal(["tip.reporter@example.org", "reviewer.id@example.org", "focal.vn@example.org", "secretariat@example.org"], links.Keys);
        Assert.Equal(4, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Purpose == "invitation", Ct)));
        var list = (await admin.GetStringAsync("/api/v1/users/export?format=csv", Ct)).ReplaceLineEndings("\n");
        Assert.Contains("secretariat@example.org,RSO Officer,Administrator; Reporter,RSO; WG-TIP,,invited\n", list);
        Assert.Contains("reviewer.id@example.org,Reviewer Indonesia,Co-Chair reviewer,,Indonesia,invited\n", list);

        // The link lets the person choose a password.
        var welcome = await app.CreateClient().GetStringAsync(new Uri(links["tip.reporter@example.org"]).PathAndQuery, Ct);
        Assert.Contains("Choose your password", welcome);

        var again = await JsonAsync(await admin.PostAsync("/api/v1/users/import?fileName=people.csv", Csv(list), Ct));
        Assert.Equal((0, 0, 5), (again.GetProperty("preview").GetProperty("created").GetInt32(), again.GetProperty("preview").GetProperty("updated").GetInt32(),
            again.GetProperty("preview").GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public async Task AccountsFile_WhereMailIsSent_InvitesByEMail_AndGivesNoLinkToAnyoneElse()
    {
        // Port 1 refuses connections: the server has a mail server named, and the invitations wait in its outbox.
        await using var app = await StartAsync(settings: new Dictionary<string, string?> { ["Mail:Host"] = "127.0.0.1", ["Mail:Port"] = "1", ["Mail:Security"] = "None" });
        await app.Given.BodyAsync("WG-TIP");
        await app.Given.BodyAsync("RSO");
        var admin = await app.ApiClientAsync(Admin);

        var applied = await JsonAsync(await admin.PostAsync("/api/v1/users/import?fileName=people.csv", Csv(Accounts), Ct));

        Assert.True(applied.GetProperty("mailed").GetBoolean());
        Assert.Equal(4, applied.GetProperty("preview").GetProperty("created").GetInt32());
        Assert.Empty(applied.GetProperty("invitations").EnumerateArray());
        Assert.Equal(4, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Purpose == "invitation", Ct)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AccountsFile_WithAnyBadRow_InvitesNobody_AndNamesEachPersonAndColumn(Data.DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        await app.Given.BodyAsync("WG-TIP");
        var admin = await app.ApiClientAsync(Admin);

        var refused = await admin.PostAsync("/api/v1/users/import?fileName=people.csv", Csv("""
            E-mail,Name,Role,Body,Member
            good@example.org,Good Person,Reporter,WG-TIP,
            no.body@example.org,No Body,Reporter,,
            unknown@example.org,Unknown,Chair,,
            thai.reviewer@example.org,Thai Reviewer,Co-Chair reviewer,,Thailand
            not-an-address,Someone,Reporter,WG-TIP,
            admin@example.org,Admin,Reporter,D-WG,
            """), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var rejections = (await JsonAsync(refused)).GetProperty("preview").GetProperty("rejections").EnumerateArray()
            .Select(r => (r.GetProperty("record").GetString(), r.GetProperty("column").GetString())).ToList();
        Assert.Equal([("unknown@example.org", "Role"), ("not-an-address", "E-mail"), ("admin@example.org", "Body")], rejections);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(Ct)));

        // With the cell checks passing, the account rules refuse the rest: a reporter with no body, a reviewer for a government
        // that does not co-chair. Nobody is invited, not even the good row.
        var rules = await admin.PostAsync("/api/v1/users/import?fileName=people.csv", Csv("""
            E-mail,Name,Role,Body,Member
            good@example.org,Good Person,Reporter,WG-TIP,
            no.body@example.org,No Body,Reporter,,
            thai.reviewer@example.org,Thai Reviewer,Co-Chair reviewer,,Thailand
            """), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rules.StatusCode);
        var refusedByRule = (await JsonAsync(rules)).GetProperty("preview").GetProperty("rejections").EnumerateArray()
            .Select(r => (r.GetProperty("record").GetString(), r.GetProperty("column").GetString())).ToList();
        Assert.Equal([("no.body@example.org", "Body"), ("thai.reviewer@example.org", "Member")], refusedByRule);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Outbox.CountAsync(Ct)));
    }

    [Fact]
    public async Task AccountsPage_PreviewsThenApplies_AndShowsTheLinksOnce_AndABodiesPageImports()
    {
        await using var app = await StartAsync();
        var browser = await app.SignInAsync(Admin, Given.Password);

        var bodiesPreview = await TestApp.PostFileAsync(browser, "/admin/bodies/import/upload", "/admin/bodies/import", "bodies.csv", Encoding.UTF8.GetBytes(Bodies));
        var bodiesPage = await bodiesPreview.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Apply: create 3, update 0", bodiesPage);
        var bodiesUpload = System.Text.RegularExpressions.Regex.Match(bodiesPage, "name=\"upload\" value=\"([^\"]+)\"").Groups[1].Value;
        var bodiesApplied = await TestApp.PostFormAsync(browser, "/admin/bodies/import/apply", new Dictionary<string, string> { ["upload"] = bodiesUpload }, "/admin/bodies/import");
        Assert.Equal(HttpStatusCode.Redirect, bodiesApplied.StatusCode);
        Assert.Equal(3, await app.WithDbAsync(db => db.Bodies.CountAsync(Ct)));

        var preview = await TestApp.PostFileAsync(browser, "/admin/users/import/upload", "/admin/users/import", "people.csv", Encoding.UTF8.GetBytes(Accounts));
        var page = await preview.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Apply: create 4, update 0", page);
        var upload = System.Text.RegularExpressions.Regex.Match(page, "name=\"upload\" value=\"([^\"]+)\"").Groups[1].Value;

        var applied = await TestApp.PostFormAsync(browser, "/admin/users/import/apply", new Dictionary<string, string> { ["upload"] = upload }, "/admin/users/import");

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.True(applied.Headers.CacheControl?.NoStore, "the page with the links is not kept");
        var shown = await applied.Content.ReadAsStringAsync(Ct);
        Assert.Contains("4 invitations to pass on", shown);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(shown, "/account/welcome\\?u=").Count);
        Assert.DoesNotContain("/account/welcome", await browser.GetStringAsync("/admin/users/import", Ct));
        Assert.Equal(5, await app.WithDbAsync(db => db.Users.CountAsync(Ct)));

        // A second confirmation of the same upload applies nothing more.
        var twice = await TestApp.PostFormAsync(browser, "/admin/users/import/apply", new Dictionary<string, string> { ["upload"] = upload }, "/admin/users/import");
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal(5, await app.WithDbAsync(db => db.Users.CountAsync(Ct)));
    }
}
