using Microsoft.Playwright;

namespace Scorecards.BrowserTests;

/// <summary>
/// A new secretariat, from an empty database to a published round, with only the browser and the files it would have: the
/// published member list, a framework file and a list of people. Every action a person takes is counted.
/// </summary>
public sealed class FirstRunJourneyTests
{
    /// <summary>The most actions from the first start to an open round: by hand, form by form, it took about 200.</summary>
    private const int MostActionsToOpenARound = 60;

    private const string Password = "a long secretariat passphrase 2026";

    private const string Framework = """
        strategy: {code: ASC-2023, name: 2023 Adelaide Strategy for Cooperation}
        focusAreas:
          - code: LE
            name: Law enforcement
            objectives:
              - {code: LE-1, title: Strengthen law enforcement cooperation against trafficking in persons, bodies: [WG-TIP]}
          - code: VM
            name: Victim Protection and Migration Management
            objectives:
              - {code: VM-1, title: Improve the identification and protection of victims, bodies: [WG-TIP]}
        """;

    private const string People = """
        E-mail,Name,Role,Body,Member
        tip.reporter@example.org,Tip Reporter,Reporter,WG-TIP,
        dwg.reporter@example.org,D-WG Reporter,Reporter,D-WG,
        tegrr.reporter@example.org,TEG-RR Reporter,Reporter,TEG-RR,
        tfpp.reporter@example.org,TFPP Reporter,Reporter,TFPP,
        rso.officer@example.org,RSO Officer,Reporter,RSO,
        gabf.reporter@example.org,GABF Reporter,Reporter,GABF,
        reviewer.id@example.org,Reviewer Indonesia,Co-Chair reviewer,,Indonesia
        reviewer.au@example.org,Reviewer Australia,Co-Chair reviewer,,Australia
        """;

    /// <summary>A person at the browser: each thing they do is one action.</summary>
    private sealed class Person(IPage page, BrowserApp app)
    {
        public IPage Page { get; } = page;
        public int Actions { get; private set; }

        public async Task GoAsync(string path)
        {
            Actions++;
            await Page.GotoAsync(path.StartsWith("http", StringComparison.Ordinal) ? path : app.BaseUrl + path);
        }

        public async Task FillAsync(string label, string text)
        {
            Actions++;
            await Page.GetByLabel(label, new() { Exact = true }).FillAsync(text);
        }

        public async Task ChooseAsync(string label, string option)
        {
            Actions++;
            await Page.GetByLabel(label, new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = option });
        }

        public async Task UploadAsync(string label, string path)
        {
            Actions++;
            await Page.GetByLabel(label).SetInputFilesAsync(path);
        }

        public async Task PressAsync(string button)
        {
            Actions++;
            await Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        }

        /// <summary>Follows a link, in the part of the page with <paramref name="within"/> as its test id when one is named.</summary>
        public async Task FollowAsync(string link, string? within = null)
        {
            Actions++;
            var scope = within is null ? Page.Locator("body") : Page.GetByTestId(within);
            await scope.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        }

        public async Task TickAsync(string label)
        {
            Actions++;
            await Page.GetByLabel(label).CheckAsync();
        }
    }

    private static async Task<Person> NewPersonAsync(BrowserApp app)
    {
        var page = await (await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl })).NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        return new Person(page, app);
    }

    private static string Repository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Scorecards.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository was not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task ASecretariat_FromAnEmptyDatabase_OpensARoundInAtMost60Actions_AndTheRoundIsPublished()
    {
        await using var app = await BrowserApp.StartAsync(demo: false);
        var files = Directory.CreateTempSubdirectory("scorecards-first-run").FullName;
        var members = Path.Combine(Repository(), "src", "Scorecards.Web", "Features", "Setup", "members.csv");
        var framework = Path.Combine(files, "adelaide-strategy.yaml");
        var people = Path.Combine(files, "people.csv");
        await File.WriteAllTextAsync(framework, Framework, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(people, People, TestContext.Current.CancellationToken);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var admin = await NewPersonAsync(app);
        var page = admin.Page;

        // The first administrator, from the link the server printed.
        await admin.GoAsync(app.SetupPath!);
        await admin.FillAsync("Your name", "RSO Secretariat");
        await admin.FillAsync("E-mail address", "secretariat@example.org");
        await admin.FillAsync("Password", Password);
        await admin.FillAsync("The same password again", Password);
        await admin.PressAsync("Create the administrator and sign in");
        await Assertions.Expect(page.GetByTestId("setup-checklist")).ToBeVisibleAsync();

        // The published member list, from its file.
        await admin.GoAsync("/admin/members/import");
        await admin.UploadAsync("Members file", members);
        await admin.PressAsync("Preview");
        await admin.PressAsync("Apply: create 49, update 0");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("49 added");

        // The Co-Chair governments.
        await admin.GoAsync("/admin/co-chairs");
        foreach (var government in new[] { "Indonesia", "Australia" })
        {
            await admin.ChooseAsync("Member state", government);
            await admin.PressAsync("Add");
        }

        // The six bodies, offered on the checklist.
        await admin.GoAsync("/");
        await admin.PressAsync("Load the six reporting bodies");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Loaded the 6 reporting bodies");

        // The framework, from its file.
        await admin.GoAsync("/admin/framework");
        await admin.UploadAsync("Framework file", framework);
        await admin.PressAsync("Import");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 objectives (2 created)");

        // The people, from their list: no mail server is set here, so the page gives each invitation's link to pass on.
        await admin.GoAsync("/admin/users/import");
        await admin.UploadAsync("Accounts file", people);
        await admin.PressAsync("Preview");
        await admin.PressAsync("Apply: create 8, update 0");
        var links = page.GetByTestId("invitation-links");
        await Assertions.Expect(links).ToContainTextAsync("8 invitations to pass on");
        var invitations = new Dictionary<string, string>();
        foreach (var row in await links.GetByRole(AriaRole.Row).AllAsync())
        {
            var cells = await row.Locator("td").AllInnerTextsAsync();
            if (cells.Count == 3)
            {
                invitations[cells[1]] = new Uri(cells[2]).PathAndQuery;
            }
        }

        // The round, planned and opened.
        await admin.GoAsync("/admin/rounds");
        await admin.FillAsync("Name", "19th AHG SOM, 2026");
        await admin.FillAsync("Or its name, if not recorded", "19th Ad Hoc Group Senior Officials' Meeting");
        await admin.FillAsync("Period from", today.AddYears(-1).ToString("yyyy-MM-dd"));
        await admin.FillAsync("Period to", today.AddDays(30).ToString("yyyy-MM-dd"));
        await admin.FillAsync("Reporting opens", today.ToString("yyyy-MM-dd"));
        await admin.FillAsync("Due", today.AddDays(21).ToString("yyyy-MM-dd"));
        await admin.PressAsync("Plan round");
        await admin.PressAsync("Open");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("opened; every body has its scorecard");

        Assert.True(admin.Actions <= MostActionsToOpenARound, $"The secretariat took {admin.Actions} actions to open the first round; at most {MostActionsToOpenARound} are allowed.");
        TestContext.Current.SendDiagnosticMessage($"From first start to an open round: {admin.Actions} actions.");

        // Setup is done: the administrator's home no longer lists it, and says where the round stands.
        await admin.GoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, RSO Secretariat");
        await Assertions.Expect(page.GetByTestId("setup-checklist")).ToHaveCountAsync(0);

        // The reporter takes their invitation, reports and submits.
        var reporter = await NewPersonAsync(app);
        await AcceptInvitationAsync(app, reporter, invitations["tip.reporter@example.org"]);
        await reporter.FollowAsync("WG-TIP scorecard");
        foreach (var (code, text) in new[] { ("LE-1", "Held the 10th Annual Meeting in Bangkok."), ("VM-1", "Agreed referral guidelines for victims.") })
        {
            await reporter.FollowAsync($"Edit {code}");
            await reporter.ChooseAsync("Completion", "Substantial");
            await reporter.ChooseAsync("Trajectory", "▲ On track");
            await reporter.FillAsync("Progress", text);
            await reporter.PressAsync("Save entry");
            await Assertions.Expect(reporter.Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{code} saved.");
        }

        await reporter.PressAsync("Submit for review");
        await Assertions.Expect(reporter.Page.GetByTestId("scorecard-state")).ToHaveTextAsync("Submitted");

        // Each Co-Chair government approves from its queue.
        foreach (var (email, government) in new[] { ("reviewer.id@example.org", "Indonesia"), ("reviewer.au@example.org", "Australia") })
        {
            var reviewer = await NewPersonAsync(app);
            await AcceptInvitationAsync(app, reviewer, invitations[email]);
            await reviewer.TickAsync("Select the WG-TIP scorecard, 19th AHG SOM, 2026");
            await reviewer.PressAsync($"Approve the ticked scorecards for {government}");
            await Assertions.Expect(reviewer.Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Approved for {government}: WG-TIP (19th AHG SOM, 2026).");
            if (government == "Australia")
            {
                // The secretariat closes reporting from the round's page, which then tells the Co-Chairs to publish.
                await admin.GoAsync("/");
                await admin.FollowAsync("19th AHG SOM, 2026");
                await Assertions.Expect(page.GetByTestId("next-step")).ToContainTextAsync("the secretariat closes it, then the Co-Chairs approve each scorecard and publish the round");
                await admin.PressAsync("Close reporting");
                await reviewer.GoAsync(page.Url);
                await Assertions.Expect(reviewer.Page.GetByTestId("next-step")).ToContainTextAsync("Publish the round when the meeting is ready to receive it.");
                await reviewer.PressAsync("Publish round");
                await Assertions.Expect(reviewer.Page.GetByTestId("round-state")).ToHaveTextAsync("Published");
            }
        }

        // Anyone reads the published scorecard, without signing in.
        var reader = await NewPersonAsync(app);
        await reader.GoAsync("/public");
        await reader.FollowAsync("19th AHG SOM, 2026");
        await reader.FollowAsync("WG-TIP", within: "public-bodies");
        await Assertions.Expect(reader.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Agreed referral guidelines for victims.");
    }

    private static async Task AcceptInvitationAsync(BrowserApp app, Person person, string link)
    {
        await person.GoAsync(link);
        await person.FillAsync("New password", Password + " of " + person.GetHashCode());
        await person.FillAsync("The same password again", Password + " of " + person.GetHashCode());
        await person.PressAsync("Set password and sign in");
        await person.Page.WaitForURLAsync(app.BaseUrl + "/");
    }
}
