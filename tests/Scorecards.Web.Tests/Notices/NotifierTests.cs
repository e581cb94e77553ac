using Microsoft.Extensions.Configuration;
using Scorecards.Web.Features.Notices;

namespace Scorecards.Web.Tests.Notices;

public sealed class NotifierTests
{
    private static readonly (DateOnly, string) DueInBangkok = (new DateOnly(2026, 4, 1), "Asia/Bangkok");

    [Fact]
    public void APersonInAnotherZone_IsToldWhenTheRoundsDeadlineEndsForThem()
    {
        Assert.Equal("\n\nIn your time zone (Australia/Sydney), the due date ends at 04:00 on Thursday 2 April 2026.",
            Notifier.InTheirZone(DueInBangkok, "Australia/Sydney"));
        Assert.Equal("\n\nIn your time zone (Europe/London), the due date ends at 18:00 on Wednesday 1 April 2026.",
            Notifier.InTheirZone(DueInBangkok, "Europe/London"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Asia/Bangkok")]
    [InlineData("Mars/Olympus")]
    public void APersonInTheRoundsZone_OrWithoutOne_IsToldNothingMore(string? zone) =>
        Assert.Equal("", Notifier.InTheirZone(DueInBangkok, zone));
}

public sealed class MailSettingsTests
{
    [Theory]
    [InlineData("http://localhost:5080", null, "http://localhost:5080/")]
    [InlineData("https://scorecards.example.org;http://localhost:5080", null, "https://scorecards.example.org/")]
    [InlineData("http://+:80", null, "http://localhost:5000/")]
    [InlineData("http://127.0.0.1:0", null, "http://localhost:5000/")]
    [InlineData(null, null, "http://localhost:5000/")]
    [InlineData("http://localhost:5080", "https://scorecards.baliprocess.example/", "https://scorecards.baliprocess.example/")]
    public void LinksInEmailsPointWhereTheAppIsReached(string? urls, string? siteUrl, string expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls, ["Mail:SiteUrl"] = siteUrl }.Where(p => p.Value is not null))
            .Build();

        var settings = MailSettings.Read(configuration, "/srv/scorecards/data");

        Assert.Equal(expected, settings.SiteUrl.ToString());
        Assert.Equal("/srv/scorecards/data/mail", settings.PickupDirectory);
        Assert.False(settings.UsesSmtp);
    }

    [Fact]
    public void ASenderThatIsNotAnAddress_StopsTheServerWithWhy()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Mail:From"] = "the secretariat" }).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => MailSettings.Read(configuration, "/srv/scorecards/data"));

        Assert.Equal("Mail:From is 'the secretariat', which is not an e-mail address.", refused.Message);
    }
}
