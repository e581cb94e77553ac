using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scorecards.Data.Accounts;
using Scorecards.Web.Tests.Infrastructure;
using Scorecards.Web.Tests.Notices;

namespace Scorecards.Web.Tests.Accounts;

/// <summary>
/// Passwords are chosen by their owners through e-mailed links: an invitation's, valid once for 7 days, and a reset's,
/// valid once for 2 hours. "Forgot your password?" never says whether an address has an account.
/// </summary>
public sealed partial class InvitationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnInvitationLinkWorksOnce()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        await world.Given.AccountAsync("invited@example.org", Roles.MemberViewer, member: "Viet Nam", invite: true);
        var link = LinkIn(app, "invited@example.org", "/account/welcome");

        var first = await ChoosePasswordAsync(app, link, "the first password chosen");
        var again = await app.CreateClient().GetAsync(link, Ct);

        Assert.Contains("Notices", await first.GetStringAsync("/", Ct), StringComparison.Ordinal); // signed in
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("This link has expired or has been used.", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvitedCoChair_WhereTwoFactorIsRequired_IsTakenToSetItUpOnceTheirPasswordIsSet()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        await app.Given.WithAsync<Web.Features.Settings.SecuritySettings>(s => s.SaveAsync(new Web.Features.Settings.SecurityPolicy(true, 365), Ct));
        await world.Given.AccountAsync("second.reviewer@example.org", Roles.CoChair, member: "Indonesia", invite: true);

        var reviewer = await ChoosePasswordAsync(app, LinkIn(app, "second.reviewer@example.org", "/account/welcome"), "the reviewer's password");
        var home = await reviewer.GetAsync("/", Ct);

        Assert.Equal("/account/security", home.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnInvitationLinkExpiresAfterSevenDays_AndAResetLinkAfterTwoHours()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var clock = (FakeTimeProvider)app.Services.GetRequiredService<TimeProvider>();
        await world.Given.AccountAsync("late@example.org", Roles.MemberViewer, member: "Viet Nam", invite: true);
        var invitation = LinkIn(app, "late@example.org", "/account/welcome");
        await TestApp.PostFormAsync(app.CreateClient(), "/account/forgot", new Dictionary<string, string> { ["Email"] = World.Viewer });
        var reset = LinkIn(app, World.Viewer, "/account/reset");
        var anonymous = app.CreateClient();

        clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(reset, Ct)).StatusCode);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync(reset, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(invitation, Ct)).StatusCode);
        clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync(invitation, Ct)).StatusCode);
    }

    [Fact]
    public async Task ForgotPassword_AnswersAlikeForEveryAddress_SendsAtMostOneLinkInFiveMinutes_AndTheResetEndsOtherSessionsAndTokens()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var session = await world.SignInAsync(World.WgTip);
        var api = await world.ApiAsync(World.WgTip);
        var anonymous = app.CreateClient();

        var known = await TestApp.PostFormAsync(anonymous, "/account/forgot", new Dictionary<string, string> { ["Email"] = World.WgTip });
        var unknown = await TestApp.PostFormAsync(anonymous, "/account/forgot", new Dictionary<string, string> { ["Email"] = "nobody@example.org" });
        var twice = await TestApp.PostFormAsync(anonymous, "/account/forgot", new Dictionary<string, string> { ["Email"] = World.WgTip });
        var knownText = (await known.Content.ReadAsStringAsync(Ct)).Replace(World.WgTip, "ADDRESS", StringComparison.Ordinal);
        var unknownText = (await unknown.Content.ReadAsStringAsync(Ct)).Replace("nobody@example.org", "ADDRESS", StringComparison.Ordinal);

        Assert.Equal(Sentence().Match(knownText).Value, Sentence().Match(unknownText).Value);
        Assert.Contains("If ADDRESS has an account, a link to choose a new password is on its way there.", knownText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Purpose == "reset", Ct)));
        Assert.DoesNotContain(NoticesTests.Mails(app), m => m.To.Mailboxes.Any(a => a.Address == "nobody@example.org"));

        await ChoosePasswordAsync(app, LinkIn(app, World.WgTip, "/account/reset"), "a brand new reporter password");

        Assert.StartsWith("/account/login", (await session.GetAsync("/", Ct)).Headers.Location?.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/bodies", Ct)).StatusCode);
        Assert.Equal("refused", await SignInAttemptAsync(app, World.WgTip, Given.Password));
        Assert.Equal("signed in", await SignInAttemptAsync(app, World.WgTip, "a brand new reporter password"));
    }

    [Fact]
    public async Task APasswordTooShortOrTypedDifferently_IsRefusedWithWhy_AndTheLinkStillWorks()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        await world.Given.AccountAsync("careful@example.org", Roles.MemberViewer, member: "Viet Nam", invite: true);
        var link = LinkIn(app, "careful@example.org", "/account/welcome");
        var client = app.CreateClient();

        var shortOne = await Post(client, link, "short", "short");
        var differs = await Post(client, link, "a long enough password", "a long enough passw0rd");
        var good = await Post(client, link, "a long enough password", "a long enough password");

        Assert.Equal(HttpStatusCode.BadRequest, shortOne.StatusCode);
        Assert.Contains("at least 12 characters", await shortOne.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, differs.StatusCode);
        Assert.Contains("The two passwords differ", await differs.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);

        static Task<HttpResponseMessage> Post(HttpClient client, string link, string password, string repeated) =>
            TestApp.PostFormAsync(client, link, new Dictionary<string, string> { ["Password"] = password, ["Repeated"] = repeated });
    }

    [Fact]
    public async Task ADisabledAccountGetsNoResetLink()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == World.Viewer, Ct);
            user.DisabledUtc = World.Now.UtcDateTime;
            return await db.SaveChangesAsync(Ct);
        });

        await TestApp.PostFormAsync(app.CreateClient(), "/account/forgot", new Dictionary<string, string> { ["Email"] = World.Viewer });

        Assert.False(await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.Purpose == "reset", Ct)));
    }

    /// <summary>The link of the last e-mail to <paramref name="email"/> that leads to <paramref name="path"/>, as a path and query.</summary>
    internal static string LinkIn(TestApp app, string email, string path)
    {
        var mail = NoticesTests.Mails(app).Where(m => m.To.Mailboxes.Any(a => a.Address == email)).OrderBy(m => m.Date)
            .LastOrDefault(m => (m.TextBody ?? "").Contains(path, StringComparison.Ordinal));
        if (mail is null)
        {
            // The e-mail waits in the outbox until sent: send it, as the worker would.
            app.Given.WithAsync<Web.Features.Notices.OutboxDispatcher, int>(d => d.SendDueAsync(Ct)).GetAwaiter().GetResult();
            mail = NoticesTests.Mails(app).Where(m => m.To.Mailboxes.Any(a => a.Address == email)).OrderBy(m => m.Date)
                .Last(m => (m.TextBody ?? "").Contains(path, StringComparison.Ordinal));
        }

        var url = Regex.Match(mail.TextBody ?? "", @"Choose (?:your|a new) password: (\S+)").Groups[1].Value;
        return new Uri(url).PathAndQuery;
    }

    /// <summary>Follows a link to choose a password, as the person would; returns their client, signed in after an invitation.</summary>
    internal static async Task<HttpClient> ChoosePasswordAsync(TestApp app, string link, string password)
    {
        var client = app.CreateClient();
        var set = await TestApp.PostFormAsync(client, link, new Dictionary<string, string> { ["Password"] = password, ["Repeated"] = password });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        return client;
    }

    /// <summary>Signs in through the page: "signed in", or "refused".</summary>
    internal static async Task<string> SignInAttemptAsync(TestApp app, string email, string password)
    {
        var response = await TestApp.PostFormAsync(app.CreateClient(), "/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        return response.StatusCode == HttpStatusCode.Redirect ? "signed in" : "refused";
    }

    [GeneratedRegex("<div class=\"notice success\" role=\"status\">.*?</div>", RegexOptions.Singleline)]
    private static partial Regex Sentence();
}
