using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Scorecards.Web.Cli;

namespace Scorecards.Web.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "scorecards-cli-tests", Guid.NewGuid().ToString("N"));

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync([.. args, "--data", _data], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Seed_ThenUserAddAndTokenCreate_PrintWhatWasMade()
    {
        var seeded = await RunAsync("seed", "--demo");
        var added = await RunAsync("user", "add", "--email", "new.reviewer@example.org", "--name", "New Reviewer", "--role", "CoChair", "--member", "Indonesia");
        var token = await RunAsync("token", "create", "--email", "new.reviewer@example.org");
        var list = await RunAsync("user", "list", "--json");

        Assert.Equal(0, seeded.Code);
        Assert.Contains("admin@demo.scorecards.test", seeded.Output);
        Assert.Equal(0, added.Code);
        Assert.Matches(@"Its link, to choose a password \(works once, for 7 days\): http://localhost:5000/account/welcome\?u=[0-9a-f-]{36}&t=[A-Za-z0-9_-]+", added.Output);
        Assert.DoesNotContain("password:", added.Output.Replace("choose a password (", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.Single(Directory.GetFiles(Path.Combine(_data, "mail"), "*.eml")); // the invitation, in the folder while no mail server is set
        Assert.Equal(0, token.Code);
        Assert.StartsWith("sct_", token.Output.TrimEnd().Split('\n')[^1]);
        Assert.Contains("\"email\": \"new.reviewer@example.org\"", list.Output);
        Assert.True(File.Exists(Path.Combine(_data, "scorecards.db")));
    }

    [Fact]
    public async Task ActivitiesExportAndImport_RoundTrip_AndABadRow_ChangesNothing()
    {
        await RunAsync("seed", "--demo");
        var csv = Path.Combine(_data, "activities.csv");
        var xlsx = Path.Combine(_data, "d-wg.xlsx");

        var exported = await RunAsync("activities", "export", csv);
        var exportedXlsx = await RunAsync("activities", "export", xlsx, "--body", "D-WG");
        var dryRun = await RunAsync("activities", "import", xlsx, "--dry-run");
        await File.AppendAllTextAsync(csv, ",New regional workshop,Workshop,2025-10-01,2025-09-30,,,,RSO,,,,,,,\r\n", TestContext.Current.CancellationToken);
        var rejected = await RunAsync("activities", "import", csv);
        var wrongType = await RunAsync("activities", "export", Path.Combine(_data, "a.pdf"));

        Assert.Equal(0, exported.Code);
        Assert.Contains("Wrote 20 activities", exported.Output);
        Assert.Contains("Wrote 3 activities", exportedXlsx.Output);
        Assert.Equal(0, dryRun.Code);
        Assert.Contains("nothing changed: 3 rows: 0 to create, 0 to update, 3 unchanged, 0 rejected", dryRun.Output);
        Assert.Equal(1, rejected.Code);
        Assert.Contains("activities.csv: row 22, End date: The activity ends (2025-09-30) before it starts (2025-10-01).", rejected.Output);
        Assert.StartsWith("error: activities.csv cannot be imported (21 rows: 0 to create, 0 to update, 20 unchanged, 1 rejected); nothing was changed.", rejected.Error);
        Assert.Equal(1, wrongType.Code);
    }

    [Fact]
    public async Task AVerbWithNoDatabaseInItsFolder_RefusesAndSaysWhereItLooked_InsteadOfMakingAnEmptyOne()
    {
        var list = await RunAsync("user", "list");
        var file = Path.Combine(Path.GetTempPath(), $"members-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "Name,Kind,Status\nFiji,state,member\n", TestContext.Current.CancellationToken);
        var import = await RunAsync("members", "import", file, "--dry-run");
        var created = File.Exists(Path.Combine(_data, "scorecards.db"));
        var migrated = await RunAsync("migrate");
        var listedAfter = await RunAsync("user", "list");

        Assert.Equal(1, list.Code);
        Assert.Contains($"There is no database in {_data} (looked for scorecards.db).", list.Error);
        Assert.Contains("'scorecards migrate' or 'scorecards serve' creates a new one.", list.Error);
        Assert.Equal(1, import.Code);
        Assert.Contains("There is no database in", import.Error);
        Assert.False(created);
        Assert.Equal(0, migrated.Code);
        Assert.Equal(0, listedAfter.Code);
    }

    [Fact]
    public async Task BodiesAndAccounts_ExportAndImport_AndNewPeopleGetLinksToPassOn_WhenNoMailServerIsSet()
    {
        await RunAsync("seed", "--demo");
        var bodies = Path.Combine(_data, "bodies.xlsx");
        var people = Path.Combine(_data, "people.csv");

        var exported = await RunAsync("bodies", "export", bodies);
        var reimported = await RunAsync("bodies", "import", bodies);
        await File.WriteAllTextAsync(people, "E-mail,Name,Role,Body,Member\nnew.reporter@example.org,New Reporter,Reporter,TEG-RR,\nwho@example.org,Who,Reporter,XYZ,\n",
            TestContext.Current.CancellationToken);
        var rejected = await RunAsync("user", "import", people);
        File.WriteAllLines(people, [.. File.ReadAllLines(people).Where(l => !l.StartsWith("who@", StringComparison.Ordinal))]);
        var invited = await RunAsync("user", "import", people);
        var accounts = await RunAsync("user", "export", Path.Combine(_data, "accounts.csv"));

        Assert.Equal(0, exported.Code);
        Assert.Contains("Wrote 6 bodies with their co-chairs", exported.Output);
        Assert.Contains("nothing changed: 6 rows: 0 to add, 0 to change, 6 unchanged, 0 rejected", reimported.Output);
        Assert.Equal(1, rejected.Code);
        Assert.Contains("people.csv: row 3 (who@example.org), Body: 'XYZ' is not a reporting body; the bodies are D-WG, GABF, RSO, TEG-RR, TFPP, WG-TIP.", rejected.Output);
        Assert.Equal(0, invited.Code);
        Assert.Contains("Imported people.csv: 1 added, 0 changed, 0 unchanged.", invited.Output);
        Assert.Contains("new.reporter@example.org\thttp://localhost:5000/account/welcome?u=", invited.Output);
        Assert.Contains("Wrote ", accounts.Output);
        Assert.Contains("new.reporter@example.org,New Reporter,Reporter,TEG-RR,,invited", await File.ReadAllTextAsync(Path.Combine(_data, "accounts.csv"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Backup_ThenRestoreIntoAnotherFolder_GivesTheSameRecords_AndAFolderThatHoldsDataNeedsForce()
    {
        await RunAsync("seed", "--demo");
        var copy = Path.Combine(_data, "backups", "scorecards-2026-03-02.db");
        var other = Path.Combine(_data, "restored");

        var noFolder = await RunAsync("backup", "--out", copy);
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        var backedUp = await RunAsync("backup", "--out", copy);
        var again = await RunAsync("backup", "--out", copy);
        var restored = await RunCommandAsync(["restore", copy, "--data", other]);
        var users = await RunCommandAsync(["user", "list", "--data", other]);
        var refused = await RunCommandAsync(["restore", copy, "--data", other]);
        var forced = await RunCommandAsync(["restore", copy, "--force", "--data", other]);
        var noBackup = await RunCommandAsync(["backup", "--out", Path.Combine(_data, "backups", "x.db"), "--data", Path.Combine(_data, "nowhere")]);

        Assert.Equal(1, noFolder.Code);
        Assert.Contains($"The folder {Path.GetDirectoryName(copy)} does not exist.", noFolder.Error);
        Assert.Equal(0, backedUp.Code);
        Assert.Matches(@"^Backed up .*scorecards\.db to .*scorecards-2026-03-02\.db \(\d+ KB; schema at \d{14}_\w+\)\.", backedUp.Output);
        Assert.Equal(1, again.Code);
        Assert.Contains("already exists; a backup never replaces a file", again.Error);
        Assert.Equal(0, restored.Code);
        Assert.Matches(@"Restored .* into .*restored.scorecards\.db: \d+ accounts, 2 rounds, 12 scorecards\. Start the servers again\.", restored.Output);
        Assert.Contains("admin@demo.scorecards.test", users.Output);
        Assert.Equal(1, refused.Code);
        Assert.Contains("The database already holds data (", refused.Error);
        Assert.Contains("give --force", refused.Error);
        Assert.Equal(0, forced.Code);
        Assert.Equal(1, noBackup.Code);
        Assert.Contains("There is no database in", noBackup.Error);
    }

    [Fact]
    public async Task ExportAll_WritesEveryRecordAndEachRoundsPapers_AndLeavesOutWhatWouldLetSomeoneActAsAnother()
    {
        await RunAsync("seed", "--demo");
        await RunAsync("user", "add", "--email", "archivist@example.org", "--name", "Archivist", "--role", "MemberViewer", "--member", "Fiji", "--password", "a-password-of-some-length");
        var file = Path.Combine(_data, "scorecards-2026.zip");

        var written = await RunAsync("export-all", "--out", file);
        var again = await RunAsync("export-all", "--out", file);
        var notZip = await RunAsync("export-all", "--out", Path.Combine(_data, "all.tar"));

        Assert.Equal(0, written.Code);
        Assert.Matches(@"^Wrote .*scorecards-2026\.zip: \d+ records of \d+ tables and 10 papers", written.Output);
        Assert.Equal(1, again.Code);
        Assert.Equal(1, notZip.Code);
        using var zip = System.IO.Compression.ZipFile.OpenRead(file);
        string Read(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }

        using var manifest = System.Text.Json.JsonDocument.Parse(Read("manifest.json"));
        var tables = manifest.RootElement.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("records").GetInt32());
        using var users = System.Text.Json.JsonDocument.Parse(Read("records/AspNetUsers.json"));
        var archivist = users.RootElement.EnumerateArray().Single(u => u.GetProperty("Email").GetString() == "archivist@example.org");
        using var members = System.Text.Json.JsonDocument.Parse(Read("records/Members.json"));

        Assert.Equal("scorecards-archive", manifest.RootElement.GetProperty("format").GetString());
        Assert.Equal(users.RootElement.GetArrayLength(), tables["AspNetUsers"]);
        Assert.Equal(12, tables["AspNetUsers"]);
        Assert.Equal(49, tables["Members"]);
        Assert.Equal(members.RootElement.EnumerateArray().Single(m => m.GetProperty("Name").GetString() == "Fiji").GetProperty("Id").GetInt32(), archivist.GetProperty("MemberId").GetInt32());
        Assert.False(archivist.TryGetProperty("PasswordHash", out _));
        Assert.False(archivist.TryGetProperty("SecurityStamp", out _));
        Assert.DoesNotContain("DataProtectionKeys", tables.Keys);
        Assert.DoesNotContain("AspNetUserTokens", tables.Keys);
        Assert.Null(zip.GetEntry("records/DataProtectionKeys.json"));
        Assert.Contains("papers/round-1/scorecard-18th-ahg-som-2025.pdf", zip.Entries.Select(e => e.FullName));
        Assert.StartsWith("%PDF-", Read("papers/round-1/scorecard-18th-ahg-som-2025.pdf"));
        Assert.Contains("\"Status\":\"Published\"", Read("records/Rounds.json"));
    }

    [Fact]
    public async Task Health_AsksARunningServer_AndFailsWhenItIsNotReadyOrDoesNotAnswer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var server = builder.Build();
        var ready = true;
        server.MapGet("/health/ready", () => ready ? Results.Ok("Healthy") : Results.StatusCode(503));
        await server.StartAsync(TestContext.Current.CancellationToken);
        var address = server.Urls.Single();

        var answered = await RunCommandAsync(["health", "--url", $"{address}/health/ready"]);
        ready = false;
        var unready = await RunCommandAsync(["health", "--url", $"{address}/health/ready"]);
        await server.StopAsync(TestContext.Current.CancellationToken);
        var gone = await RunCommandAsync(["health", "--url", $"{address}/health/ready"]);

        Assert.Equal(0, answered.Code);
        Assert.StartsWith("200 ", answered.Output);
        Assert.Equal(1, unready.Code);
        Assert.StartsWith("503", unready.Output);
        Assert.Equal(1, gone.Code);
        Assert.StartsWith($"error: {address}/health/ready did not answer", gone.Error);
    }

    private static async Task<(int Code, string Output, string Error)> RunCommandAsync(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task MembersExportAndImport_RoundTrip_ABadRowChangesNothing_AndSeatsAndSecondmentsExport()
    {
        await RunAsync("seed", "--demo");
        var csv = Path.Combine(_data, "members.csv");
        var xlsx = Path.Combine(_data, "members.xlsx");

        var exported = await RunAsync("members", "export", csv);
        var exportedXlsx = await RunAsync("members", "export", xlsx);
        var dryRun = await RunAsync("members", "import", xlsx, "--dry-run");
        await File.AppendAllTextAsync(csv, "Canada,state,observer,2026-01-05,,\r\nAtlantis,island,member,,,\r\n", TestContext.Current.CancellationToken);
        var rejected = await RunAsync("members", "import", csv);
        File.WriteAllLines(csv, [.. File.ReadAllLines(csv).Where(l => !l.StartsWith("Atlantis", StringComparison.Ordinal))]);
        var imported = await RunAsync("members", "import", csv);
        var seats = await RunAsync("members", "seats", Path.Combine(_data, "seats.csv"));
        var secondments = await RunAsync("secondments", "export", Path.Combine(_data, "secondments.xlsx"));

        Assert.Equal(0, exported.Code);
        Assert.Contains("Wrote 49 members as at", exported.Output);
        Assert.Equal(0, exportedXlsx.Code);
        Assert.Contains("nothing changed: 49 rows: 0 to add, 0 to change, 49 unchanged, 0 rejected", dryRun.Output);
        Assert.Equal(1, rejected.Code);
        Assert.Contains("members.csv: row 52, Kind: 'island' is not a kind; use state, territory, special administrative region or organisation.", rejected.Output);
        Assert.StartsWith("error: members.csv cannot be imported (51 rows: 1 to add, 0 to change, 49 unchanged, 1 rejected); nothing was changed.", rejected.Error);
        Assert.Equal(0, imported.Code);
        Assert.Contains("Imported members.csv: 1 added, 0 changed, 49 unchanged.", imported.Output);
        Assert.Contains("Wrote 6 seats and 8 co-chair terms", seats.Output);
        Assert.Contains("Wrote 1 expressions of interest", secondments.Output);
        Assert.Contains("Canada,state,observer,2026-01-05", await File.ReadAllTextAsync(csv, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Export_WritesTheRoundInEachFormat_AndRefusesAnUnknownRound()
    {
        await RunAsync("seed", "--demo");
        var docx = Path.Combine(_data, "paper.docx");
        var json = Path.Combine(_data, "round.json");

        var word = await RunAsync("export", "--round", "1", "--format", "docx", "--out", docx);
        var data = await RunAsync("export", "--round", "1", "--format", "json", "--out", json);
        var missing = await RunAsync("export", "--round", "99", "--format", "csv", "--out", Path.Combine(_data, "x.csv"));
        var format = await RunAsync("export", "--round", "1", "--format", "pdfx", "--out", Path.Combine(_data, "x.pdf"));

        Assert.Equal(0, word.Code);
        Assert.Contains("Wrote 18th AHG SOM, 2025 (44 entries)", word.Output);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, false))
        {
            Assert.Contains("Scorecard: 18th AHG SOM, 2025", document.MainDocumentPart!.Document.Body!.InnerText);
        }

        Assert.Equal(0, data.Code);
        Assert.Equal(44, System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken)).RootElement.GetProperty("rows").GetArrayLength());
        Assert.Equal(1, missing.Code);
        Assert.Contains("--round: there is no round 99.", missing.Error);
        Assert.Equal(2, format.Code);
    }

    [Fact]
    public async Task UserAdd_WithUnknownBody_FailsWithOneLineReason()
    {
        await RunAsync("migrate");

        var result = await RunAsync("user", "add", "--email", "a@example.org", "--name", "A", "--role", "Reporter", "--body", "XYZ");

        Assert.Equal(1, result.Code);
        Assert.StartsWith("error: --body: 'XYZ' is not a reporting body", result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task MissingRequiredOption_FailsWithUsageHint()
    {
        var result = await RunAsync("user", "add", "--email", "a@example.org");

        Assert.Equal(2, result.Code);
        Assert.Contains("--name", result.Error);
        Assert.Contains("Run 'scorecards user add --help'", result.Error);
    }

    [Fact]
    public async Task FrameworkImport_WithErrors_AppliesNothingAndNamesLines()
    {
        await RunAsync("seed", "--demo");
        var exported = Path.Combine(_data, "framework.yaml");
        var broken = Path.Combine(_data, "broken.yaml");
        Assert.Equal(0, (await RunAsync("framework", "export", exported)).Code);
        var text = await File.ReadAllTextAsync(exported, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(broken, text.Replace("bodies: [\"GABF\"]", "bodies: [\"NOPE\"]").Replace("title: \"Support safe, dignified", "titel: \"Support safe, dignified"),
            TestContext.Current.CancellationToken);

        var result = await RunAsync("framework", "import", broken);
        var again = await RunAsync("framework", "import", exported);

        Assert.Equal(1, result.Code);
        Assert.Contains("nothing was applied", result.Error);
        Assert.Matches(@"line \d+, focusAreas\[1\]\.objectives\[1\]\.bodies: 'NOPE' is not a reporting body", result.Error);
        Assert.Matches(@"line \d+, focusAreas\[6\]\.objectives\[0\]\.titel: is not a known field here", result.Error);
        Assert.Equal(0, again.Code);
        Assert.Matches(@"strategy unchanged; \d+ focus areas \(\d+ unchanged\); \d+ objectives \(\d+ unchanged\); ", again.Output);
    }

    [Fact]
    public async Task FrameworkOnAFreshInstall_ExportSaysThereIsNone_AndTheTemplateImportsAsItIs()
    {
        var migrated = await RunAsync("migrate");
        var file = Path.Combine(_data, "framework.yaml");

        var export = await RunAsync("framework", "export", file);
        var template = await RunAsync("framework", "template", file);
        var written = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        var imported = await RunAsync("framework", "import", file);
        var exported = await RunAsync("framework", "export", Path.Combine(_data, "exported.yaml"));
        var administrator = await RunAsync("user", "add", "--email", "it@example.org", "--name", "IT", "--role", "Administrator", "--password", "chosen-by-the-operator");

        Assert.Equal(0, migrated.Code);
        Assert.Equal(1, export.Code);
        Assert.Contains("There is no framework yet, so nothing was written. Start from the template: scorecards framework template framework.yaml", export.Error);
        Assert.Equal(0, template.Code);
        Assert.Contains("# There are no reporting bodies yet", written);
        Assert.Contains("    name: Victim Protection and Migration Management", written);
        Assert.Equal(0, imported.Code);
        Assert.Contains("strategy created; 8 focus areas (8 created); no objectives; no indicators.", imported.Output);
        Assert.Equal(0, exported.Code);
        Assert.Contains("Wrote 8 focus areas and 0 objectives", exported.Output);
        Assert.Contains("They must choose their own password when they first sign in.", administrator.Output);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task Export_WritesAPaperInTheLanguageAskedFor_AndRefusesOneItDoesNotWrite()
    {
        await RunAsync("seed", "--demo");
        var file = Path.Combine(_data, "paper.docx");

        var indonesian = await RunAsync("export", "--round", "1", "--format", "docx", "--out", file, "--lang", "id");
        var text = Localization.LanguagePaperTests.WordText(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
        var french = await RunAsync("export", "--round", "1", "--format", "docx", "--out", file, "--lang", "fr");

        Assert.True(indonesian.Code == 0, indonesian.Error);
        Assert.Contains("Penilaian Ketua Bersama", text, StringComparison.Ordinal);
        Assert.Contains("Kartu skor: ", text, StringComparison.Ordinal);
        Assert.NotEqual(0, french.Code);
        Assert.Contains("--lang: 'fr' is not a language this server writes in; use en or id.", french.Error, StringComparison.Ordinal);
    }
}
