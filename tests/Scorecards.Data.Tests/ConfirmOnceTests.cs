using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecards.Data.Accounts;
using Scorecards.Domain.Bodies;
using Scorecards.Web.Features.Activities;
using KeptUploads = Scorecards.Web.Infrastructure.Uploads;
using UploadOutcome = Scorecards.Web.Infrastructure.UploadOutcome;

namespace Scorecards.Data.Tests;

/// <summary>
/// One kept upload confirmed twice at the same moment, each confirmation on its own connection as two servers would
/// have: the file is applied once, the other confirmation is told so, and nothing is written twice.
/// </summary>
public sealed class ConfirmOnceTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ActivitiesUpload_ConfirmedTwiceAtOnce_IsAppliedOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: false);
        var reporter = await database.WithDbAsync(async db =>
        {
            db.Bodies.Add(new Body("WG-TIP", "Working Group on Trafficking in Persons"));
            var user = new AppUser { UserName = "reporter@example.org", Email = "reporter@example.org", DisplayName = "Reporter" };
            db.Users.Add(user);
            await db.SaveChangesAsync(Ct);
            return user.Id;
        });
        var file = Encoding.UTF8.GetBytes("Title,Kind,Start date,Lead body\n"
            + string.Concat(Enumerable.Range(1, 40).Select(i => $"Workshop {i},Workshop,2025-09-{1 + (i % 28):00},WG-TIP\n")));
        var now = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);

        for (var attempt = 0; attempt < 4; attempt++)
        {
            await database.WithDbAsync(db => db.Activities.ExecuteDeleteAsync(Ct));
            var upload = await database.WithDbAsync(db => KeptUploads.KeepAsync(db, reporter, "activities", "plan.csv", file, now, Ct));

            var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                using var scope = database.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var (outcome, _) = await KeptUploads.ApplyOnceAsync(db, upload, reporter, "activities", now, async stored =>
                {
                    var applied = await ActivityImporter.ApplyAsync(db, stored.FileName, stored.Content, _ => true, now, Ct);
                    return (applied, applied.Applied);
                }, Ct);
                return outcome;
            }, Ct)));

            Assert.Equal(1, outcomes.Count(o => o == UploadOutcome.Applied));
            Assert.Contains(outcomes, o => o is UploadOutcome.AlreadyApplied or UploadOutcome.Missing);
            Assert.Equal(40, await database.WithDbAsync(db => db.Activities.CountAsync(Ct)));
            Assert.Equal(0, await database.WithDbAsync(db => db.Uploads.CountAsync(Ct)));
        }
    }
}
