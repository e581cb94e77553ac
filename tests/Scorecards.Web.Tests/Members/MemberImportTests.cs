using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scorecards.Domain.Secondments;
using Scorecards.Web.Infrastructure.Spreadsheets;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Members;

/// <summary>The register's files: an export imports again; a file with any bad row changes nothing and says what and where.</summary>
public sealed class MemberImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Header = "Name,Kind,Status,Status since,Note\n";

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task AnEditedExport_ImportsAgain_AddingAndChangingMembers_AfterADryRunThatChangesNothing()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var admin = await world.ApiAsync(World.Admin);
        var exported = await admin.GetStringAsync("/api/v1/members/export?format=csv", Ct);
        var edited = exported.TrimEnd().Replace("Viet Nam,state,member,,,", "Viet Nam,state,observer,2026-01-15,At its own request.,", StringComparison.Ordinal)
            + "\r\nIOM,organisation,member,,,\r\nCanada,State,Observer,2025-06-01,,\r\n";

        var dryRun = await JsonAsync(await admin.PostAsync("/api/v1/members/import?dryRun=true&fileName=register.csv", Csv(edited), Ct));
        var unchangedAfterDryRun = await app.WithDbAsync(db => db.Members.CountAsync(Ct));
        var applied = await admin.PostAsync("/api/v1/members/import?fileName=register.csv", Csv(edited), Ct);
        var members = await admin.GetFromJsonAsync<JsonElement>("/api/v1/members?withdrawn=true", Ct);

        Assert.Equal((5, 2, 1, 2, 0), (dryRun.GetProperty("rows").GetInt32(), dryRun.GetProperty("created").GetInt32(), dryRun.GetProperty("updated").GetInt32(),
            dryRun.GetProperty("unchanged").GetInt32(), dryRun.GetProperty("rejected").GetInt32()));
        Assert.Equal(3, unchangedAfterDryRun);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var vietNam = members.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Viet Nam");
        Assert.Equal(("Observer", "2026-01-15"), (vietNam.GetProperty("status").GetString(), vietNam.GetProperty("statusSince").GetString()));
        Assert.Equal("At its own request.", vietNam.GetProperty("history")[1].GetProperty("note").GetString());
        Assert.Equal("Member organisations", members.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "IOM").GetProperty("group").GetString());
        Assert.Equal("2025-06-01", members.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Canada").GetProperty("statusSince").GetString());
    }

    // The import corpus: each file holds one good row and one bad one, and is refused whole.
    [Theory]
    [InlineData("Name,Kind,Status,Colour\nFiji,state,member,blue\n", 1, "Colour", "'Colour' is not a column of the members file")]
    [InlineData("Name,Status\nFiji,member\n", 1, "Kind", "The file has no 'Kind' column, which every member needs.")]
    [InlineData(Header + "Fiji,state,member,,\nTonga,kingdom,member,,\n", 3, "Kind", "'kingdom' is not a kind")]
    [InlineData(Header + "Fiji,state,member,,\nTonga,state,associate,,\n", 3, "Status", "'associate' is not a status; use member, observer or withdrawn.")]
    [InlineData(Header + "Fiji,state,member,,\nTonga,state,member,next week,\n", 3, "Status since", "'next week' is not a date")]
    [InlineData(Header + "Fiji,state,member,,\nfiji,state,observer,2025-01-01,\n", 3, "Name", "Repeats row 2: each member is named once.")]
    [InlineData(Header + "Fiji,state,member,,\nTonga,state,withdrawn,,\n", 3, "Status", "Choose member or observer.")]
    [InlineData(Header + "Fiji,state,member,,\nTonga,state,member,2026-03-03,\n", 3, "Status since", "after today")]
    [InlineData(Header + "Fiji,state,member,,\nViet Nam,state,observer,,\n", 3, "Status since", "Viet Nam is a member on the register; give the day it became an observer.")]
    [InlineData(Header + "Fiji,state,member,,\nIndonesia,state,observer,2026-01-01,\n", 3, "Status", "Remove it from the Co-Chair governments first.")]
    [InlineData(Header + "Fiji,state,member,,\nAustralia,organisation,member,,\n", 3, "Kind", "Remove it from the Co-Chair governments first.")]
    [InlineData(Header, 0, "", "The file has a header row but no members under it.")]
    public async Task AFileWithABadRow_IsRefusedWhole_NamingTheRowColumnAndReason(string csv, int row, string column, string reason)
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var before = await app.WithDbAsync(db => db.Members.SelectMany(m => m.History).CountAsync(Ct));

        var response = await (await world.ApiAsync(World.Admin)).PostAsync("/api/v1/members/import", Csv(csv), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var rejection = (await JsonAsync(response)).GetProperty("preview").GetProperty("rejections").EnumerateArray()
            .First(r => r.GetProperty("row").GetInt32() == row && r.GetProperty("column").GetString() == column);
        Assert.Contains(reason, rejection.GetProperty("reason").GetString());
        Assert.Equal(3, await app.WithDbAsync(db => db.Members.CountAsync(Ct)));
        Assert.Equal(before, await app.WithDbAsync(db => db.Members.SelectMany(m => m.History).CountAsync(Ct)));
        Assert.Equal(Domain.Members.MemberStatus.Member, await app.WithDbAsync(db => db.Members.Where(m => m.Name == "Viet Nam").Select(m => m.Status).SingleAsync(Ct)));
    }

    [Fact]
    public async Task ThePage_PreviewsTheFile_ThenAppliesItOnceConfirmed()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var admin = await world.SignInAsync(World.Admin);
        var file = Encoding.UTF8.GetBytes(Header + "Fiji,state,member,,\nViet Nam,state,observer,2026-02-01,\n");

        var preview = await TestApp.PostFileAsync(admin, "/admin/members/import/upload", "/admin/members/import", "register.csv", file);
        var html = await preview.Content.ReadAsStringAsync(Ct);
        var countBefore = await app.WithDbAsync(db => db.Members.CountAsync(Ct));
        var upload = System.Text.RegularExpressions.Regex.Match(html, "name=\"upload\" value=\"([^\"]+)\"").Groups[1].Value;
        var applied = await TestApp.PostFormAsync(admin, "/admin/members/import/apply", new Dictionary<string, string> { ["upload"] = upload }, "/admin/members/import");
        var again = await TestApp.PostFormAsync(admin, "/admin/members/import/apply", new Dictionary<string, string> { ["upload"] = upload }, "/admin/members/import");
        var viewer = await (await world.SignInAsync(World.Viewer)).GetAsync("/admin/members/import", Ct);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Apply: create 1, update 1", html);
        Assert.Equal(3, countBefore);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(4, await app.WithDbAsync(db => db.Members.CountAsync(Ct)));
        Assert.Equal(Domain.Members.MemberStatus.Observer, await app.WithDbAsync(db => db.Members.Where(m => m.Name == "Viet Nam").Select(m => m.Status).SingleAsync(Ct)));
        Assert.Equal("/account/denied", viewer.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task AFileBeyondTheRegistersBounds_IsRefusedBeforeItIsRead()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var admin = await world.ApiAsync(World.Admin);
        var tooManyRows = Header + string.Concat(Enumerable.Range(1, 2001).Select(i => $"Member {i},state,member,,\n"));
        var tooLarge = Header + "Fiji,state,member,," + new string('x', 1024 * 1024) + "\n";

        var rows = await admin.PostAsync("/api/v1/members/import", Csv(tooManyRows), Ct);
        var large = await admin.PostAsync("/api/v1/members/import", Csv(tooLarge), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, rows.StatusCode);
        Assert.Contains("2,000", (await JsonAsync(rows)).GetProperty("preview").GetProperty("rejections")[0].GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal(3, await app.WithDbAsync(db => db.Members.CountAsync(Ct)));
    }

    [Fact]
    public async Task OnlyAdministratorsImport_AndTheFileMustBeASpreadsheet()
    {
        var world = await World.StartAsync();
        await using var app = world.App;

        var coChair = await (await world.ApiAsync(World.Indonesia)).PostAsync("/api/v1/members/import", Csv(Header + "Fiji,state,member,,\n"), Ct);
        var json = await (await world.ApiAsync(World.Admin)).PostAsync("/api/v1/members/import", new StringContent("{}", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, coChair.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(3, await app.WithDbAsync(db => db.Members.CountAsync(Ct)));
    }

    [Fact]
    public async Task TheSecondmentsWorkbook_CarriesNomineesOnlyForTheRso_AndTheSeatsFileEveryTerm()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var vietNam = await app.WithDbAsync(db => db.Members.Where(m => m.Name == "Viet Nam").Select(m => m.Id).SingleAsync(Ct));
        var rso = await world.ApiAsync(World.Rso);
        await rso.PostAsJsonAsync("/api/v1/secondments", new { memberId = vietNam, agency = "Immigration Department", areaOfWork = "Document fraud.", focusAreas = new[] { "LE" }, nomineeName = "Mr B. Tran" }, Ct);
        var admin = await world.ApiAsync(World.Admin);
        await admin.PostAsJsonAsync("/api/v1/bodies/RSO/seats", new { memberId = vietNam, from = "2025-01-01" }, Ct);

        var byRso = Read(await rso.GetByteArrayAsync("/api/v1/secondments/export?format=xlsx", Ct));
        var byCoChair = Read(await (await world.ApiAsync(World.Indonesia)).GetByteArrayAsync("/api/v1/secondments/export?format=xlsx", Ct));
        var seats = Read(await admin.GetByteArrayAsync("/api/v1/seats/export?format=xlsx", Ct));

        Assert.Contains("Nominee", byRso.Header);
        Assert.Equal("Mr B. Tran", byRso.Rows[0][byRso.Header.ToList().IndexOf("Nominee")]);
        Assert.DoesNotContain("Nominee", byCoChair.Header);
        Assert.DoesNotContain(byCoChair.Rows[0].Cells, c => c.Contains("Tran", StringComparison.Ordinal));
        var seat = seats.Rows.Single();
        Assert.Equal(["RSO", "seat", "Viet Nam"], seat.Cells.Take(3));
        Assert.Equal(new DateOnly(2025, 1, 1), UploadedSheet.ParseDate(seat[3]));
    }

    private static UploadedSheet Read(byte[] xlsx)
    {
        var (sheet, error) = UploadedSheet.Read("file.xlsx", xlsx, new SheetLimits(100, 10_000));
        Assert.True(sheet is not null, error);
        return sheet;
    }
}
