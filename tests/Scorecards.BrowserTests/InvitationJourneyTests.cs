using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Scorecards.Web.Features.Notices;

namespace Scorecards.BrowserTests;

public sealed partial class InvitationJourneyTests
{
    [Fact]
    public async Task AnInvitedReporter_FollowsTheLink_ChoosesAPassword_AndSeesTheScorecardDue()
    {
        await using var app = await BrowserApp.StartAsync();

        // The secretariat invites a reporter for the TEG-RR, whose scorecard is still open.
        var admin = await app.SignInAsync("admin@demo.scorecards.test");
        await admin.GotoAsync("/admin/users");
        await admin.GetByLabel("E-mail address").FillAsync("new.reporter@example.org");
        await admin.GetByLabel("Name").FillAsync("New Reporter");
        await admin.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Reporter" });
        await admin.GetByLabel("Body (reporters)").SelectOptionAsync("TEG-RR");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Invited new.reporter@example.org");

        // The invitation arrives; its link leads to choosing a password, and then home, signed in.
        await app.Services.GetRequiredService<OutboxDispatcher>().SendDueAsync(TestContext.Current.CancellationToken);
        var folder = app.Services.GetRequiredService<MailSettings>().PickupDirectory;
        var invitation = Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f))
            .Single(m => m.To.Mailboxes.Any(a => a.Address == "new.reporter@example.org"));
        var link = new Uri(Link().Match(invitation.TextBody ?? "").Groups[1].Value).PathAndQuery;
        var person = await (await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl })).NewPageAsync();
        await person.GotoAsync(link);
        await Assertions.Expect(person.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Choose your password");
        await person.GetByLabel("New password").FillAsync("a password of my own choosing");
        await person.GetByLabel("The same password again").FillAsync("a password of my own choosing");
        await person.GetByRole(AriaRole.Button, new() { Name = "Set password and sign in" }).ClickAsync();
        await person.WaitForURLAsync(app.BaseUrl + "/");

        // Home shows the TEG-RR's scorecard for the open round, with its deadline.
        await Assertions.Expect(person.GetByRole(AriaRole.Link, new() { Name = "TEG-RR scorecard" })).ToBeVisibleAsync();
        await Assertions.Expect(person.GetByRole(AriaRole.Row).Filter(new() { HasText = "TEG-RR scorecard" })).ToContainTextAsync(Closes());

        // The link is spent: opening it again says so.
        var again = await (await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl })).NewPageAsync();
        await again.GotoAsync(link);
        await Assertions.Expect(again.GetByRole(AriaRole.Alert)).ToContainTextAsync("This link has expired or has been used.");
    }

    [GeneratedRegex(@"Choose your password: (\S+)")]
    private static partial Regex Link();

    [GeneratedRegex(@"closes in \d+ days")]
    private static partial Regex Closes();
}
