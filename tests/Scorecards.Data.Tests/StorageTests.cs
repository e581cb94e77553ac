using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Scorecards.Domain.Activities;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Data.Tests;

/// <summary>The same data tests on both providers, so SQLite and PostgreSQL are known to agree.</summary>
public sealed class StorageTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_ThenSeedDemo_StoresTheWholeDemo(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);

        var counts = await database.WithDbAsync(async db => new
        {
            Members = await db.Members.CountAsync(Ct),
            Bodies = await db.Bodies.CountAsync(Ct),
            FocusAreas = await db.FocusAreas.OrderBy(f => f.SortOrder).Select(f => f.Name).ToListAsync(Ct),
            Precisions = await db.Activities.Where(a => a.Title == "TEG-RR 7th Annual Meeting" || a.Title == "TEG-RR 8th Annual Meeting" || a.Title == "Research on forced marriage and trafficking in persons")
                .OrderBy(a => a.StartDate).Select(a => a.DatePrecision).ToListAsync(Ct),
            Rounds = await db.Rounds.OrderBy(r => r.PeriodEnd).Select(r => r.Status).ToListAsync(Ct),
            Approved = await db.Scorecards.CountAsync(s => s.Status == ScorecardStatus.Approved, Ct),
            States = await db.Scorecards.Where(s => db.Rounds.Any(r => r.Id == s.RoundId && r.Status == RoundStatus.Open))
                .Select(s => s.Status).ToListAsync(Ct),
            CarriedOver = await db.Entries.CountAsync(e => e.IsCarriedOver, Ct),
            CarriedOverUnderReview = await db.Entries.CountAsync(e => e.IsCarriedOver && e.Scorecard!.Status != ScorecardStatus.Draft, Ct),
            Users = await db.Users.CountAsync(Ct),
            Activities = await db.Activities.CountAsync(a => a.Objectives.Count > 0 && a.FocusAreas.Count > 0, Ct),
            Hanoi = await db.Activities.Where(a => a.City == "Hanoi").Select(a => new { a.StartDate, a.EndDate }).SingleAsync(Ct),
            Meetings = await db.Meetings.CountAsync(Ct),
            SomAttendance = await db.Meetings.Where(m => m.StartDate == new DateOnly(2025, 5, 21)).Select(m => m.Attendees.Count).SingleAsync(Ct),
            OpenDecisions = await db.Decisions.CountAsync(d => d.Status == Domain.Meetings.DecisionStatus.Open || d.Status == Domain.Meetings.DecisionStatus.InProgress, Ct),
            PlanItems = await db.WorkPlans.OrderBy(p => p.BodyId).Select(p => p.Items.Count).ToListAsync(Ct),
            LinkedActivities = await db.WorkPlanItems.SumAsync(i => i.Activities.Count, Ct),
            StatusChanges = await db.Members.SelectMany(m => m.History).CountAsync(c => c.EffectiveDate == null, Ct),
            CoChairTerms = await db.Bodies.SelectMany(b => b.CoChairs).CountAsync(Ct),
            Seats = await db.Bodies.SelectMany(b => b.Seats).CountAsync(Ct),
            CompletedSecondments = await db.Secondments.CountAsync(s => s.Status == Domain.Secondments.SecondmentStatus.Completed && s.Activities.Count == 1, Ct),
        });

        Assert.Equal(49, counts.Members);
        Assert.Equal(6, counts.Bodies);
        // The Strategy's eight areas of cooperation, in the published wording and order.
        Assert.Equal(["Law enforcement", "Stakeholder engagement", "Information sharing and public information campaigns", "Irregular Migration and Related Transnational Crime",
            "Border Management", "Victim Protection and Migration Management", "Returns and Reintegration", "Coordination and support"], counts.FocusAreas);
        Assert.Equal([DatePrecision.Undated, DatePrecision.Month, DatePrecision.Quarter], counts.Precisions);
        Assert.Equal([RoundStatus.Published, RoundStatus.Open], counts.Rounds);
        Assert.Equal(6, counts.Approved);
        Assert.Equal(
            [ScorecardStatus.Draft, ScorecardStatus.Draft, ScorecardStatus.Draft, ScorecardStatus.Submitted, ScorecardStatus.Returned, ScorecardStatus.ApprovedByOne],
            counts.States.Order());
        Assert.True(counts.CarriedOver > 10);

        // What went to the Co-Chairs was reviewed: no submitted or approved scorecard holds a carried-over entry nobody looked at.
        Assert.Equal(0, counts.CarriedOverUnderReview);
        Assert.Equal(11, counts.Users);
        Assert.Equal(49, counts.StatusChanges);
        Assert.Equal((8, 6), (counts.CoChairTerms, counts.Seats));
        Assert.Equal(1, counts.CompletedSecondments);
        Assert.Equal(20, counts.Activities);
        Assert.Equal((new DateOnly(2024, 7, 16), new DateOnly(2024, 7, 18)), (counts.Hanoi.StartDate, counts.Hanoi.EndDate));
        Assert.Equal(4, counts.Meetings);
        Assert.Equal(13, counts.SomAttendance);
        Assert.Equal(6, counts.OpenDecisions);
        Assert.Equal([5, 3, 7], counts.PlanItems);
        Assert.Equal(8, counts.LinkedActivities);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SavingAnEntry_FromAStaleRead_IsRejectedByTheDatabase(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        var first = database.NewContext(out var scope1);
        var second = database.NewContext(out var scope2);
        using (scope1)
        using (scope2)
        {
            var id = await first.Entries.Where(e => e.IsCarriedOver).Select(e => e.Id).FirstAsync(Ct);
            var mine = await first.Entries.Include(e => e.IndicatorValues).SingleAsync(e => e.Id == id, Ct);
            var theirs = await second.Entries.Include(e => e.IndicatorValues).SingleAsync(e => e.Id == id, Ct);
            var now = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
            mine.Apply(mine.Values with { Progress = "First." }, "a", now);
            theirs.Apply(theirs.Values with { Progress = "Second." }, "b", now);

            await first.SaveChangesAsync(Ct);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
        }

        Assert.Equal("First.", await database.WithDbAsync(db => db.Entries.Where(e => e.IsCarriedOver == false && e.Progress == "First.").Select(e => e.Progress).SingleAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ChangingAField_WritesAnAuditEventWithBeforeAndAfter(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);

        var round = await database.WithDbAsync(async db =>
        {
            var r = await db.Rounds.SingleAsync(x => x.Status == RoundStatus.Open, Ct);
            r.Meeting = "19th Ad Hoc Group Senior Officials' Meeting, Jakarta";
            await db.SaveChangesAsync(Ct);
            return r;
        });

        var events = await database.WithDbAsync(db => db.AuditEvents.Where(a => a.EntityType == "Round").ToListAsync(Ct));
        var change = Assert.Single(events);
        Assert.Equal("Meeting", change.Field);
        Assert.Equal("19th Ad Hoc Group Senior Officials' Meeting", change.Before);
        Assert.Equal("19th Ad Hoc Group Senior Officials' Meeting, Jakarta", change.After);
        Assert.Equal(round.Id, change.RoundId);
        Assert.Equal("command line", change.UserName);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BulkInsert_WritesRowsPartsAndAuditEvents_LikeASave_AndARollbackLeavesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        var now = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        Activity New(AppDbContext db, string title, int body, int member, int area, int objective)
        {
            var activity = new Activity(title);
            Assert.True(activity.Apply(new ActivityValues(title, ActivityKind.Workshop, new DateOnly(2025, 9, 15), new DateOnly(2025, 9, 17), "Manila", member, body,
                "IOM", null, 40, ["https://example.org/a"], ActivityStatus.Delivered, [member], [area], [objective]), now).Succeeded);
            return activity;
        }

        var (kept, ids) = await database.WithDbAsync(async db =>
        {
            var body = await db.Bodies.Where(b => b.Code == "TEG-RR").Select(b => b.Id).SingleAsync(Ct);
            var member = await db.Members.Where(m => m.Name == "Philippines").Select(m => m.Id).SingleAsync(Ct);
            var objective = await db.Objectives.Where(o => o.Code == "RR-2").Select(o => new { o.Id, o.FocusAreaId }).SingleAsync(Ct);
            var rows = new[] { New(db, "Bulk one", body, member, objective.FocusAreaId, objective.Id), New(db, "Bulk two", body, member, objective.FocusAreaId, objective.Id) };
            await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
            {
                await db.InsertAsync(rows, a => [.. a.PartnerMembers, .. a.FocusAreas, .. a.Objectives], Ct);
                await transaction.CommitAsync(Ct);
            }

            await using (var rolledBack = await db.Database.BeginTransactionAsync(Ct))
            {
                await db.InsertAsync([New(db, "Bulk rolled back", body, member, objective.FocusAreaId, objective.Id)], a => [.. a.Objectives], Ct);
            }

            return (rows, rows.Select(r => r.Id).ToList());
        });

        var stored = await database.WithDbAsync(db => db.Activities.AsNoTracking().Include(a => a.Objectives).Include(a => a.PartnerMembers)
            .Where(a => a.Title.StartsWith("Bulk")).OrderBy(a => a.Id).ToListAsync(Ct));
        var events = await database.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == "Activity" && e.Action == "Created").ToListAsync(Ct));

        Assert.All(ids, id => Assert.True(id > 0));
        Assert.Equal(["Bulk one", "Bulk two"], stored.Select(a => a.Title));
        Assert.Equal((new DateOnly(2025, 9, 15), new DateOnly(2025, 9, 17), ActivityKind.Workshop, 40), (stored[0].StartDate, stored[0].EndDate, stored[0].Kind, stored[0].Participants));
        Assert.Equal(kept[1].Objectives.Single().ObjectiveId, stored[1].Objectives.Single().ObjectiveId);
        Assert.Single(stored[0].PartnerMembers);
        Assert.Equal(ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), events.Select(e => e.EntityId).Order());
        Assert.All(events, e => Assert.Contains("with ActivityMember", e.After));
        Assert.Equal("command line", events[0].UserName);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DuplicateScorecard_ForTheSameBodyAndRound_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => database.WithDbAsync(async db =>
        {
            var existing = await db.Scorecards.AsNoTracking().FirstAsync(Ct);
            db.Scorecards.Add(new Scorecard(existing.RoundId, existing.BodyId));
            return await db.SaveChangesAsync(Ct);
        }));

        Assert.NotNull(error.InnerException);
        Assert.Equal(0, await database.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.EntityType == "Scorecard", Ct)));
    }

    [Fact]
    public async Task Sqlite_UsesWriteAheadLogging()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, demo: false);

        var mode = await database.WithDbAsync(async db =>
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            return (string?)await command.ExecuteScalarAsync(Ct);
        });

        Assert.Equal("wal", mode);
    }
}
