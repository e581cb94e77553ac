using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data.Accounts;
using Scorecards.Domain.Meetings;
using Scorecards.Domain.Rounds;
using Scorecards.Web.Features.Activities;
using Scorecards.Web.Features.Exports;
using Scorecards.Web.Features.Meetings;
using Scorecards.Web.Features.Rounds;
using Scorecards.Web.Features.Statements;
using Scorecards.Web.Features.WorkPlans;

namespace Scorecards.Data.Tests;

/// <summary>The queries behind the evidence pages, the import and the exports, run on both providers, so PostgreSQL translates them too.</summary>
public sealed class QueriesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ClaimsPrincipal Administrator = new(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Administrator)], "test"));

    [Theory]
    [MemberData(nameof(StorageTests.Providers), MemberType = typeof(StorageTests))]
    public async Task EvidenceQueries_FiltersAndOverdueDecisions_GiveTheSameAnswers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        var today = new DateOnly(2026, 11, 29);

        var (activities, meetings, open, overdue, plans) = await database.WithDbAsync(async db => (
            await ActivityQueries.SearchAsync(db, new ActivityFilter(Body: "RSO", Area: "BM", Member: "Sri Lanka", From: new DateOnly(2024, 1, 1), Q: "secondment"), Ct),
            await MeetingQueries.SearchAsync(db, new MeetingFilter(Kind: MeetingKind.AdHocGroupSom, Member: "Maldives", Q: "ad hoc"), Ct),
            await MeetingQueries.DecisionsAsync(db, new DecisionFilter(Open: true, Body: "RSO"), today, Ct),
            await MeetingQueries.DecisionsAsync(db, new DecisionFilter(Overdue: true), today, Ct),
            await WorkPlanQueries.ListAsync(db, "WG-TIP", Ct)));

        Assert.Equal(["Secondments from Sri Lanka's Department of Immigration and Emigration"], activities.Activities.Select(a => a.Title));
        Assert.Equal(13, Assert.Single(meetings.Meetings).Attendees.Count);
        Assert.Equal(3, open.Total);
        Assert.Equal("TEG-RR", Assert.Single(overdue.Decisions).OwnerBody);
        Assert.Equal(["Delivered", "Delivered", "Delivered", "UnderWay", "NotStarted"], Assert.Single(plans).Items.Select(i => i.Status.ToString()));
    }

    [Theory]
    [MemberData(nameof(StorageTests.Providers), MemberType = typeof(StorageTests))]
    public async Task ActivitiesImport_AppliesWhole_AndUpdatesByKeyRange(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        var now = new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc);
        var rows = new StringBuilder("Title,Kind,Start date,End date,City,Member,Lead body,Partner members,Objectives,Participants\n");
        for (var i = 1; i <= 300; i++)
        {
            rows.Append($"Imported workshop {i},Workshop,2025-0{1 + (i % 9)}-10,2025-0{1 + (i % 9)}-12,Manila,Philippines,TEG-RR,Thailand; Viet Nam,RR-1; RR-2,{i}\n");
        }

        var created = await database.WithDbAsync(db => ActivityImporter.ApplyAsync(db, "a.csv", Encoding.UTF8.GetBytes(rows.ToString()), _ => true, now, Ct));
        var changed = rows.ToString().Replace(",Manila,", ",Cebu,", StringComparison.Ordinal);
        var updated = await database.WithDbAsync(db => ActivityImporter.ApplyAsync(db, "a.csv", Encoding.UTF8.GetBytes(changed), _ => true, now, Ct));
        var stored = await database.WithDbAsync(async db => (
            Count: await db.Activities.CountAsync(a => a.Title.StartsWith("Imported workshop"), Ct),
            Cebu: await db.Activities.CountAsync(a => a.City == "Cebu", Ct),
            Links: await db.Set<Domain.Activities.ActivityMember>().CountAsync(m => db.Activities.Any(a => a.Id == m.ActivityId && a.Title.StartsWith("Imported")), Ct),
            Events: await db.AuditEvents.CountAsync(e => e.EntityType == "Activity" && e.Action == "Created", Ct)));

        Assert.True(created.Applied);
        Assert.Equal(300, created.Created);
        Assert.Equal(300, updated.Updated);
        Assert.Equal((300, 300, 600, 300), stored);
    }

    [Theory]
    [MemberData(nameof(StorageTests.Providers), MemberType = typeof(StorageTests))]
    public async Task RoundExportAndStatement_ReadTheSameRound(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);

        var (export, statement) = await database.WithDbAsync(async db =>
        {
            var round = await db.Rounds.Where(r => r.Status == RoundStatus.Published).Select(r => r.Id).SingleAsync(Ct);
            return (await RoundExportQueries.LoadAsync(db, round, Administrator, includeUnapproved: false, Ct),
                await StatementQueries.GetAsync(db, round, Ct));
        });

        Assert.Equal(44, export!.Rows.Count);
        Assert.Contains(export.Rows, r => r.Activities.Contains("D-WG annual meeting (16–18 July 2024, Hanoi)", StringComparison.Ordinal));
        Assert.NotNull(export.Summary.OverallAssessment);
        Assert.Contains("held its annual meeting from 16–18 July 2024 in Hanoi, Viet Nam", statement!.Markdown);
        await using var paper = new MemoryStream();
        var text = new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(
            Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions { ResourcesPath = "Resources" }),
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).Create(typeof(Scorecards.Web.Strings));
        await RoundFiles.WriteAsync(export, "docx", text, DateTime.UtcNow, paper, Ct);
        Assert.True(paper.Length > 5000);
    }
}
