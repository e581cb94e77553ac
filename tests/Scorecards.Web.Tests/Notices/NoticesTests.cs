using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Scorecards.Data.Notices;
using Scorecards.Domain.Notices;
using Scorecards.Web.Features.Notices;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Notices;

/// <summary>
/// The workflow's notices: who is told of each step, in the app and by e-mail, and that the e-mail that goes out is
/// the one a person can read and act on.
/// </summary>
public sealed class NoticesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReturnedScorecard_TellsItsBodysReportersWhy_InTheAppAndInAnEmailTheyCanActOn()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var id = await world.ScorecardAsync("WG-TIP");
        await world.Given.RateAllAsync(id);
        await world.Given.SubmitAsync(id);
        var indonesia = await world.SignInAsync(World.Indonesia);
        const string reason = "Please cite the <b>Bangkok</b> workshop & its outputs.";

        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(indonesia, $"/scorecards/{id}?handler=Return",
            new Dictionary<string, string> { ["Reason"] = reason }, $"/scorecards/{id}")).StatusCode);
        var sent = await app.Given.WithAsync<OutboxDispatcher, int>(d => d.SendDueAsync(Ct));

        // In the app: the header counts it, the notices page shows it with the reason, and reading it clears the count.
        var reporter = await world.SignInAsync(World.WgTip);
        Assert.Contains(">Notices (2 unread)</a>", await reporter.GetStringAsync("/", Ct), StringComparison.Ordinal); // the round's opening, and this
        var notices = await reporter.GetStringAsync("/notices", Ct);
        Assert.Contains($"WG-TIP&#x27;s scorecard for {World.RoundName} was returned", notices, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(reason), notices, StringComparison.Ordinal);
        var noticeId = await app.WithDbAsync(db => db.Notices.Where(n => n.Kind == NoticeKind.Returned).Select(n => n.Id).SingleAsync(Ct));
        var open = await TestApp.PostFormAsync(reporter, $"/notices/Read?id={noticeId}", new Dictionary<string, string> { ["open"] = "true" }, "/notices");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal($"/scorecards/{id}", open.Headers.Location?.OriginalString);
        Assert.Contains(">Notices (1 unread)</a>", await reporter.GetStringAsync("/", Ct), StringComparison.Ordinal);

        // By e-mail: one message to the WG-TIP reporter, none to the RSO's, with text and HTML, the reason, and the link.
        var mail = Mails(app).Single(m => (m.Subject ?? "").Contains("returned", StringComparison.Ordinal));
        Assert.Equal(World.WgTip, mail.To.Mailboxes.Single().Address);
        Assert.Contains($"Open it: http://localhost:5000/scorecards/{id}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(reason, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(reason), mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Bangkok</b>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Mails(app), m => m.To.Mailboxes.Any(a => a.Address == World.Rso) && (m.Subject ?? "").Contains("returned", StringComparison.Ordinal));
        Assert.NotNull(mail.Headers["List-Unsubscribe"]);
        Assert.True(sent >= 1);
    }

    [Fact]
    public async Task EachWorkflowStep_TellsThePeopleItConcerns()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var id = await world.ScorecardAsync("WG-TIP");
        await world.Given.RateAllAsync(id);

        // Opening the round told each body's reporters, with the due date.
        var opened = await NoticesOfAsync(app, World.WgTip, NoticeKind.RoundOpened);
        Assert.Contains("is due on Wednesday 1 April 2026 (the end of that day, Asia/Bangkok time).", Assert.Single(opened).Text, StringComparison.Ordinal);
        Assert.Single(await NoticesOfAsync(app, World.Rso, NoticeKind.RoundOpened));
        Assert.Empty(await NoticesOfAsync(app, World.Indonesia, NoticeKind.RoundOpened));

        // Submitting tells each Co-Chair government's reviewers, in their daily digest rather than one e-mail each.
        await world.Given.SubmitAsync(id);
        var awaiting = Assert.Single(await NoticesOfAsync(app, World.Indonesia, NoticeKind.AwaitingReview));
        Assert.Equal(Delivery.DailyDigest, awaiting.Delivery);
        Assert.Single(await NoticesOfAsync(app, World.Australia, NoticeKind.AwaitingReview));
        Assert.Empty(await NoticesOfAsync(app, World.WgTip, NoticeKind.AwaitingReview));

        // One approval, then the other: the body hears of each.
        var indonesia = await world.SignInAsync(World.Indonesia);
        await TestApp.PostFormAsync(indonesia, $"/scorecards/{id}?handler=Approve", new Dictionary<string, string>(), $"/scorecards/{id}");
        var one = Assert.Single(await NoticesOfAsync(app, World.WgTip, NoticeKind.ApprovedByOne));
        Assert.StartsWith("Indonesia approved", one.Subject, StringComparison.Ordinal);
        var australia = await world.SignInAsync(World.Australia);
        await TestApp.PostFormAsync(australia, $"/scorecards/{id}?handler=Approve", new Dictionary<string, string>(), $"/scorecards/{id}");
        Assert.Single(await NoticesOfAsync(app, World.WgTip, NoticeKind.ApprovedByBoth));
        Assert.Empty(await NoticesOfAsync(app, World.Rso, NoticeKind.ApprovedByBoth));

        // Publishing tells everyone with an account.
        var rso = await world.ScorecardAsync("RSO");
        await world.Given.RateAllAsync(rso);
        await world.Given.ApproveAsync(rso);
        await world.Given.PublishAsync(world.Round.Id);
        foreach (var person in new[] { World.Admin, World.WgTip, World.Rso, World.Indonesia, World.Australia, World.Viewer })
        {
            Assert.Single(await NoticesOfAsync(app, person, NoticeKind.RoundPublished));
        }
    }

    [Fact]
    public async Task APersonWhoSwitchedAKindOff_SeesItInTheAppButGetsNoEmail_AndCannotSwitchOffTheirOwnDeadlines()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var reporter = await world.SignInAsync(World.WgTip);

        var off = await TestApp.PostFormAsync(reporter, "/notices/settings", new Dictionary<string, string>
        {
            [$"Choices[{NoticeKind.Returned}]"] = nameof(Delivery.Off),
            [$"Choices[{NoticeKind.ApprovedByOne}]"] = nameof(Delivery.DailyDigest),
        });
        var deadline = await TestApp.PostFormAsync(reporter, "/notices/settings", new Dictionary<string, string>
        {
            [$"Choices[{NoticeKind.DueSoon}]"] = nameof(Delivery.Off),
        });
        var id = await world.ScorecardAsync("WG-TIP");
        await world.Given.RateAllAsync(id);
        await world.Given.SubmitAsync(id);
        await world.Given.ActAsync(id, "reviewer", async (service, loaded, user) => await service.ReturnAsync(loaded, "Add the workshop.", user, Ct));

        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, deadline.StatusCode);
        Assert.Contains("can come in the daily e-mail, but not be switched off", await deadline.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var returned = Assert.Single(await NoticesOfAsync(app, World.WgTip, NoticeKind.Returned));
        Assert.Equal(Delivery.Off, returned.Delivery);
        Assert.False(await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.Purpose == nameof(NoticeKind.Returned), Ct)));
        Assert.Equal(Delivery.DailyDigest,
            await app.WithDbAsync(db => db.NoticePreferences.Where(p => p.Kind == NoticeKind.ApprovedByOne).Select(p => p.Delivery).SingleAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.NoticePreferences.AnyAsync(p => p.Kind == NoticeKind.DueSoon, Ct)));
    }

    [Fact]
    public async Task TheUnsubscribeLinkOfAnEmail_SwitchesThatKindOffInOneClick_AndAnAlteredLinkDoesNothing()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var id = await world.ScorecardAsync("WG-TIP");
        await world.Given.RateAllAsync(id);
        await world.Given.SubmitAsync(id);
        await world.Given.ActAsync(id, "reviewer", async (service, loaded, user) => await service.ReturnAsync(loaded, "Add the workshop.", user, Ct));
        await app.Given.WithAsync<OutboxDispatcher, int>(d => d.SendDueAsync(Ct));
        var mail = Mails(app).Single(m => (m.Subject ?? "").Contains("returned", StringComparison.Ordinal));
        var link = new Uri(mail.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        var anonymous = app.CreateClient();

        var altered = await anonymous.PostAsync(link.PathAndQuery[..^4] + "AAAA", OneClick(), Ct);
        var confirm = await anonymous.GetStringAsync(link.PathAndQuery, Ct);
        var clicked = await anonymous.PostAsync(link.PathAndQuery, OneClick(), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, altered.StatusCode);
        Assert.Contains($"Stop sending {World.WgTip} e-mails", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
        Assert.Equal(Delivery.Off, await app.WithDbAsync(db => db.NoticePreferences.Where(p => p.Kind == NoticeKind.Returned).Select(p => p.Delivery).SingleAsync(Ct)));
        // The reminders of a body's own deadline announce no unsubscribing; their link moves them to the daily digest.
        var opened = Mails(app).First(m => m.To.Mailboxes.Any(a => a.Address == World.WgTip) && (m.Subject ?? "").Contains("open for reporting", StringComparison.Ordinal));
        Assert.Null(opened.Headers["List-Unsubscribe"]);
        var fewer = new Uri(System.Text.RegularExpressions.Regex.Match(opened.TextBody ?? "", @"Get e-mails of this kind once a day instead: (\S+)").Groups[1].Value);
        Assert.Contains("cannot be switched off", await anonymous.GetStringAsync(fewer.PathAndQuery, Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(fewer.PathAndQuery, OneClick(), Ct)).StatusCode);
        Assert.Equal(Delivery.DailyDigest,
            await app.WithDbAsync(db => db.NoticePreferences.Where(p => p.Kind == NoticeKind.RoundOpened).Select(p => p.Delivery).SingleAsync(Ct)));

        static FormUrlEncodedContent OneClick() => new(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });
    }

    private static Task<List<Notice>> NoticesOfAsync(TestApp app, string email, NoticeKind kind) =>
        app.WithDbAsync(db => db.Notices.Where(n => n.Kind == kind && db.Users.Any(u => u.Id == n.UserId && u.Email == email)).ToListAsync(Ct));

    /// <summary>Every e-mail written to the pickup folder, read back as a mail program would.</summary>
    internal static List<MimeMessage> Mails(TestApp app)
    {
        var folder = app.Services.GetRequiredService<MailSettings>().PickupDirectory;
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f))] : [];
    }
}
