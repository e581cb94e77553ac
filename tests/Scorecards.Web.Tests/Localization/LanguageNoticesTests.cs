using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecards.Domain.Notices;
using Scorecards.Web.Features.Notices;
using Scorecards.Web.Tests.Infrastructure;
using Scorecards.Web.Tests.Notices;

namespace Scorecards.Web.Tests.Localization;

/// <summary>Notices and e-mails in the language each person chose: kept in English, said in theirs.</summary>
public sealed class LanguageNoticesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReporterWhoChoseIndonesian_IsToldOfAReturnInIndonesian_InTheAppAndByEmail_WhileOthersReadEnglish()
    {
        await using var world = await World.StartAsync();
        var app = world.App;
        var id = await world.ScorecardAsync("WG-TIP");
        const string colleague = "colleague.wgtip@example.org";
        await world.Given.AccountAsync(colleague, global::Scorecards.Data.Accounts.Roles.Reporter, body: "WG-TIP");
        var reporter = await world.SignInAsync(World.WgTip);
        await reporter.GetAsync("/language?choose=id&returnUrl=%2F", Ct);
        await world.Given.RateAllAsync(id);
        await world.Given.SubmitAsync(id);
        var indonesia = await world.SignInAsync(World.Indonesia);
        const string reason = "Please cite the Bangkok workshop.";

        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(indonesia, $"/scorecards/{id}?handler=Return",
            new Dictionary<string, string> { ["Reason"] = reason }, $"/scorecards/{id}")).StatusCode);
        await app.Given.WithAsync<OutboxDispatcher, int>(d => d.SendDueAsync(Ct));

        // Kept in English: the notice is the same for every reader and every language.
        var stored = await app.WithDbAsync(db => db.Notices.Where(n => n.Kind == NoticeKind.Returned).Select(n => n.Subject).Distinct().SingleAsync(Ct));
        Assert.Equal($"WG-TIP's scorecard for {World.RoundName} was returned", stored);

        var mail = NoticesTests.Mails(app).Single(m => m.To.Mailboxes.Single().Address == World.WgTip && (m.TextBody ?? "").Contains(reason, StringComparison.Ordinal));
        Assert.Equal($"kartu skor WG-TIP untuk {World.RoundName} dikembalikan", mail.Subject);
        Assert.StartsWith("Yth. ", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("mengembalikan kartu skor WG-TIP untuk", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Tanggapi di kartu skor dan sampaikan kembali.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Buka: http://localhost:5000/scorecards/{id}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"id\">", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Dear ", mail.TextBody, StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(await reporter.GetStringAsync("/notices", Ct));
        Assert.Contains($"kartu skor WG-TIP untuk {World.RoundName} dikembalikan", page, StringComparison.Ordinal);
        Assert.Contains(reason, page, StringComparison.Ordinal);
        // What the Co-Chair wrote is kept as written, and is not taken for a text the resources lack.
        Assert.DoesNotContain(app.Services.GetRequiredService<global::Scorecards.Web.Infrastructure.Localization.MissingText>().Texts, t => t.Contains(reason, StringComparison.Ordinal));

        // A colleague who has not chosen a language is told the same in English.
        var english = NoticesTests.Mails(app).Single(m => m.To.Mailboxes.Single().Address == colleague && (m.TextBody ?? "").Contains(reason, StringComparison.Ordinal));
        Assert.Equal($"WG-TIP's scorecard for {World.RoundName} was returned", english.Subject);
        Assert.StartsWith("Dear ", english.TextBody, StringComparison.Ordinal);
    }
}
