using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scorecards.Data.Notices;
using Scorecards.Domain.Meetings;
using Scorecards.Domain.Notices;
using Scorecards.Web.Features.Notices;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Notices;

/// <summary>
/// Deadlines chase themselves: on the app's clock, in the round's time zone (Asia/Bangkok, UTC+7, for the world's
/// round due on 1 April 2026), each reminder is written once, to those who still owe their scorecard.
/// </summary>
public sealed class SchedulerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABodyThatHasNotSubmitted_IsRemindedAWeekBefore_OnTheDay_AndWhenOverdue_ThenTheSecretariatIsTold()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var clock = Clock(app);
        await world.Given.RateAllAsync(await world.ScorecardAsync("RSO"));
        await world.Given.SubmitAsync(await world.ScorecardAsync("RSO"));
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == World.WgTip, Ct)).TimeZone = "Australia/Sydney";
            return await db.SaveChangesAsync(Ct);
        });

        // 25 March starts in Bangkok at 17:00 UTC on the 24th: a second before, nothing; then the week's reminder.
        await RunAtAsync(app, clock, new DateTime(2026, 3, 24, 16, 59, 59, DateTimeKind.Utc));
        Assert.Empty(await KindsOfAsync(app, World.WgTip, NoticeKind.DueSoon));
        await RunAtAsync(app, clock, new DateTime(2026, 3, 24, 17, 0, 0, DateTimeKind.Utc));
        await RunAtAsync(app, clock, new DateTime(2026, 3, 25, 9, 0, 0, DateTimeKind.Utc));
        var soon = Assert.Single(await KindsOfAsync(app, World.WgTip, NoticeKind.DueSoon));
        Assert.Equal($"WG-TIP's scorecard for {World.RoundName} is due in 7 days", soon.Subject);
        Assert.Contains("Wednesday 1 April 2026 (the end of that day, Asia/Bangkok time)", soon.Text, StringComparison.Ordinal);
        Assert.EndsWith("In your time zone (Australia/Sydney), the due date ends at 04:00 on Thursday 2 April 2026.", soon.Text, StringComparison.Ordinal);
        Assert.Empty(await KindsOfAsync(app, World.Rso, NoticeKind.DueSoon)); // submitted

        await RunAtAsync(app, clock, new DateTime(2026, 3, 31, 17, 0, 0, DateTimeKind.Utc));
        Assert.Single(await KindsOfAsync(app, World.WgTip, NoticeKind.DueToday));
        await RunAtAsync(app, clock, new DateTime(2026, 4, 1, 16, 59, 59, DateTimeKind.Utc));
        Assert.Empty(await KindsOfAsync(app, World.WgTip, NoticeKind.Overdue));
        await RunAtAsync(app, clock, new DateTime(2026, 4, 1, 17, 0, 0, DateTimeKind.Utc));
        Assert.Single(await KindsOfAsync(app, World.WgTip, NoticeKind.Overdue));

        // Seven days overdue (8 April in Bangkok): the secretariat hears of it, once.
        await RunAtAsync(app, clock, new DateTime(2026, 4, 7, 16, 59, 0, DateTimeKind.Utc));
        Assert.Empty(await KindsOfAsync(app, World.Admin, NoticeKind.OverdueEscalation));
        await RunAtAsync(app, clock, new DateTime(2026, 4, 7, 17, 0, 0, DateTimeKind.Utc));
        await RunAtAsync(app, clock, new DateTime(2026, 4, 9, 17, 0, 0, DateTimeKind.Utc));
        var escalation = Assert.Single(await KindsOfAsync(app, World.Admin, NoticeKind.OverdueEscalation));
        Assert.Equal($"WG-TIP's scorecard for {World.RoundName} is 7 days overdue", escalation.Subject);
        Assert.Empty(await KindsOfAsync(app, World.Admin, NoticeKind.Overdue));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notices.CountAsync(n => n.Kind == NoticeKind.Overdue, Ct)));
    }

    [Fact]
    public async Task AServerThatWasDownUntilAfterTheDueDate_SendsOnlyTheOverdueReminder()
    {
        var world = await World.StartAsync();
        await using var app = world.App;

        await RunAtAsync(app, Clock(app), new DateTime(2026, 4, 3, 2, 0, 0, DateTimeKind.Utc));

        Assert.Equal([NoticeKind.Overdue], await app.WithDbAsync(db => db.Notices.Where(n => n.Key != null).Select(n => n.Kind).Distinct().ToListAsync(Ct)));
    }

    public static TheoryData<Data.DatabaseProvider> Providers => [Data.DatabaseProvider.Sqlite, Data.DatabaseProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwoServersWorkingOutTheScheduleAtOnce_WriteEachReminderOnce(Data.DatabaseProvider provider)
    {
        var world = await World.StartAsync(provider: provider);
        await using var app = world.App;
        await using var other = await app.AnotherServerAsync();
        Clock(app).SetUtcNow(new DateTime(2026, 3, 31, 18, 0, 0, DateTimeKind.Utc));

        var ran = await Task.WhenAll(
            app.Given.WithAsync<NoticeScheduler, bool>(s => s.RunAsync(Ct)),
            other.Given.WithAsync<NoticeScheduler, bool>(s => s.RunAsync(Ct)));
        await other.Given.WithAsync<NoticeScheduler, bool>(s => s.RunAsync(Ct));

        Assert.Contains(true, ran);
        var due = await app.WithDbAsync(db => db.Notices.Where(n => n.Kind == NoticeKind.DueToday).Select(n => n.Key).ToListAsync(Ct));
        Assert.Equal(2, due.Count); // one reporter for each of the two bodies
        Assert.Equal(due.Count, due.Distinct().Count());
    }

    [Fact]
    public async Task ReviewersGetOneDigestEachMorning_ListingWhatAwaitsTheirGovernment()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var clock = Clock(app);
        foreach (var body in new[] { "WG-TIP", "RSO" })
        {
            var id = await world.ScorecardAsync(body);
            await world.Given.RateAllAsync(id);
            await world.Given.SubmitAsync(id);
        }

        // An Australian reviewer reads times in Sydney's zone (UTC+11 in March), chosen on the settings page.
        var australia = await world.SignInAsync(World.Australia);
        var zone = await TestApp.PostFormAsync(australia, "/notices/settings?handler=Zone", new Dictionary<string, string> { ["TimeZone"] = "Australia/Sydney" }, "/notices/settings");
        var unknown = await TestApp.PostFormAsync(australia, "/notices/settings?handler=Zone", new Dictionary<string, string> { ["TimeZone"] = "Mars/Olympus" }, "/notices/settings");

        // Submitted at 09:00 UTC on 2 March: 07:00 on 3 March comes first in Sydney (20:00 UTC), then in Bangkok (00:00 UTC).
        await RunAtAsync(app, clock, new DateTime(2026, 3, 2, 19, 59, 0, DateTimeKind.Utc));
        Assert.Empty(Digests(app));
        await RunAtAsync(app, clock, new DateTime(2026, 3, 2, 20, 1, 0, DateTimeKind.Utc));
        Assert.Equal([World.Australia], Digests(app).Select(m => m.To.Mailboxes.Single().Address));
        await RunAtAsync(app, clock, new DateTime(2026, 3, 2, 23, 59, 0, DateTimeKind.Utc));
        Assert.Single(Digests(app));
        await RunAtAsync(app, clock, new DateTime(2026, 3, 3, 0, 1, 0, DateTimeKind.Utc));
        await RunAtAsync(app, clock, new DateTime(2026, 3, 3, 5, 0, 0, DateTimeKind.Utc));

        Assert.Equal(HttpStatusCode.Redirect, zone.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("&#x27;Mars/Olympus&#x27; is not a time zone this server knows", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var digests = Digests(app);
        Assert.Equal([World.Australia, World.Indonesia], digests.Select(m => m.To.Mailboxes.Single().Address).Order());
        var indonesia = digests.Single(m => m.To.Mailboxes.Single().Address == World.Indonesia);
        Assert.Equal("Your Scorecards notices, 3 March 2026: 2 new", indonesia.Subject);
        Assert.Contains($"• WG-TIP's scorecard for {World.RoundName} awaits Indonesia's review", indonesia.TextBody, StringComparison.Ordinal);
        Assert.Contains($"• RSO's scorecard for {World.RoundName} awaits Indonesia's review", indonesia.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyIsToldAWeekBeforeADecisionItOwnsFallsDue()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var meeting = await world.Given.MeetingAsync("Steering Group, February 2026", MeetingKind.SteeringGroupSom, new DateOnly(2026, 2, 10));
        await world.Given.DecisionAsync(meeting, "Report on the secondment pilot.", "RSO", dueDate: new DateOnly(2026, 3, 20));
        await world.Given.DecisionAsync(meeting, "Already done.", "RSO", dueDate: new DateOnly(2026, 3, 20), status: DecisionStatus.Done);
        var next = await world.Given.MeetingAsync("Steering Group, March 2026", MeetingKind.SteeringGroupSom, new DateOnly(2026, 3, 25));
        await world.Given.DecisionAsync(meeting, "Table the working group's options for membership.", "WG-TIP", dueMeeting: next);

        await RunAtAsync(app, Clock(app), new DateTime(2026, 3, 12, 16, 59, 0, DateTimeKind.Utc)); // 12 March in Bangkok: 8 days before
        Assert.Empty(await KindsOfAsync(app, World.Rso, NoticeKind.DecisionDue));
        await RunAtAsync(app, Clock(app), new DateTime(2026, 3, 12, 17, 0, 0, DateTimeKind.Utc));
        await RunAtAsync(app, Clock(app), new DateTime(2026, 3, 15, 1, 0, 0, DateTimeKind.Utc));

        var due = Assert.Single(await KindsOfAsync(app, World.Rso, NoticeKind.DecisionDue));
        Assert.Equal("Decision 1 of Steering Group, February 2026 falls due on 20 March 2026", due.Subject);
        Assert.Empty(await KindsOfAsync(app, World.WgTip, NoticeKind.DecisionDue)); // its meeting is 13 days away

        // A decision due at a meeting: its owner hears a week before the meeting starts (18 March in Bangkok).
        await RunAtAsync(app, Clock(app), new DateTime(2026, 3, 17, 16, 59, 0, DateTimeKind.Utc));
        Assert.Empty(await KindsOfAsync(app, World.WgTip, NoticeKind.DecisionDue));
        await RunAtAsync(app, Clock(app), new DateTime(2026, 3, 17, 17, 0, 0, DateTimeKind.Utc));
        await RunAtAsync(app, Clock(app), new DateTime(2026, 3, 20, 1, 0, 0, DateTimeKind.Utc));
        var atMeeting = Assert.Single(await KindsOfAsync(app, World.WgTip, NoticeKind.DecisionDue));
        Assert.Equal("Decision 3 of Steering Group, February 2026 is due at Steering Group, March 2026", atMeeting.Subject);
        Assert.Contains("Table the working group's options for membership.", atMeeting.Text, StringComparison.Ordinal);
        Assert.Single(await KindsOfAsync(app, World.Rso, NoticeKind.DecisionDue));
    }

    private static FakeTimeProvider Clock(TestApp app) => (FakeTimeProvider)app.Services.GetRequiredService<TimeProvider>();

    private static async Task RunAtAsync(TestApp app, FakeTimeProvider clock, DateTime utc)
    {
        clock.SetUtcNow(utc);
        Assert.True(await app.Given.WithAsync<NoticeScheduler, bool>(s => s.RunAsync(Ct)));
        await app.Given.WithAsync<OutboxDispatcher, int>(d => d.SendDueAsync(Ct));
    }

    private static Task<List<Notice>> KindsOfAsync(TestApp app, string email, NoticeKind kind) =>
        app.WithDbAsync(db => db.Notices.Where(n => n.Kind == kind && db.Users.Any(u => u.Id == n.UserId && u.Email == email)).ToListAsync(Ct));

    private static List<MimeKit.MimeMessage> Digests(TestApp app) =>
        [.. NoticesTests.Mails(app).Where(m => (m.Subject ?? "").StartsWith("Your Scorecards notices", StringComparison.Ordinal))];
}
