using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecards.Data;
using Scorecards.Data.Accounts;
using Scorecards.Domain.Activities;
using Scorecards.Domain.Bodies;
using Scorecards.Domain.Meetings;
using Scorecards.Domain.Members;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Features.Accounts;
using Scorecards.Web.Features.Framework;
using Scorecards.Web.Features.Meetings;
using Scorecards.Web.Features.Members;
using Scorecards.Web.Features.Rounds;
using Scorecards.Web.Features.Scorecards;
using Scorecards.Web.Features.WorkPlans;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Tests.Infrastructure;

/// <summary>
/// The data a test states for itself, built through the app's own services on an empty database, so each
/// test shows what it asserts on. Accounts get <see cref="Password"/>.
/// </summary>
public sealed class Given(TestApp app)
{
    public const string Password = "a-test-password";

    private static readonly CancellationToken Ct = CancellationToken.None;

    public Task<int> MemberAsync(string name, MemberKind kind = MemberKind.State, MemberStatus status = MemberStatus.Member) =>
        app.WithDbAsync(async db =>
        {
            var member = new Member(name, kind, status);
            db.Members.Add(member);
            await db.SaveChangesAsync(Ct);
            return member.Id;
        });

    /// <summary>Adds the members as states and makes them the Process's Co-Chair governments.</summary>
    public async Task CoChairGovernmentsAsync(params string[] names)
    {
        foreach (var name in names)
        {
            var id = await app.WithDbAsync(db => db.Members.Where(m => m.Name == name).Select(m => (int?)m.Id).SingleOrDefaultAsync(Ct)) ?? await MemberAsync(name);
            await WithAsync<CoChairGovernments>(async g => Check((await g.AddAsync(id, Ct)).Succeeded, name));
        }
    }

    public Task<int> BodyAsync(string code, string? name = null) => app.WithDbAsync(async db =>
    {
        var body = new Body(code, name ?? $"The {code} body");
        db.Bodies.Add(body);
        await db.SaveChangesAsync(Ct);
        return body.Id;
    });

    /// <summary>
    /// Imports a framework of the objectives, each assigned to the given bodies, in focus areas named by their codes'
    /// prefixes ("LE-1" in the area LE, named "Area LE").
    /// </summary>
    public Task FrameworkAsync(params (string Code, string[] Bodies)[] objectives) => FrameworkYamlAsync(
        "strategy: {code: ASC-2023, name: 2023 Adelaide Strategy for Cooperation}\nfocusAreas:\n"
        + string.Concat(objectives.GroupBy(o => o.Code.Split('-')[0]).Select(area =>
            $"  - code: {area.Key}\n    name: Area {area.Key}\n    objectives:\n"
            + string.Concat(area.Select(o => $"      - {{code: {o.Code}, title: Objective {o.Code}, bodies: [{string.Join(", ", o.Bodies)}]}}\n")))));

    public Task FrameworkYamlAsync(string yaml) => WithAsync<FrameworkImporter>(async importer =>
    {
        var (summary, errors) = await importer.ImportAsync(yaml, Ct);
        Check(summary is not null, string.Join("; ", errors));
    });

    /// <summary>An account with <see cref="Password"/>; or, with <paramref name="invite"/>, one invited by e-mail to choose its own.</summary>
    public Task<string> AccountAsync(string email, string role, string? body = null, string? member = null, bool invite = false) => WithAsync<AccountService, string>(async accounts =>
    {
        var (created, errors) = await accounts.CreateAsync(new NewUser(email, email.Split('@')[0], role, body, member, invite ? null : Password), Ct);
        Check(created is not null, string.Join("; ", errors.Select(e => e.Message)));
        return email;
    });

    public Task<Round> RoundAsync(string name, DateOnly periodStart, DateOnly periodEnd, DateOnly opensOn, DateOnly dueOn, bool open = true) =>
        WithAsync<RoundService, Round>(async rounds =>
        {
            var (round, errors) = await rounds.CreateAsync(new RoundInput(name, null, periodStart, periodEnd, opensOn, dueOn), Ct);
            Check(round is not null, string.Join("; ", errors.Select(e => e.Message)));
            if (open)
            {
                Check((await rounds.OpenAsync(round!, Ct)).Succeeded, "open");
            }

            return round!;
        });

    public Task<int> ActivityAsync(string body, string title, DatePrecision precision, DateOnly start, DateOnly? end = null,
        ActivityStatus status = ActivityStatus.Delivered, string? city = null, string? member = null, string[]? objectives = null,
        ActivityKind kind = ActivityKind.Meeting) => app.WithDbAsync(async db =>
    {
        var bodyId = await db.Bodies.Where(b => b.Code == body).Select(b => b.Id).SingleAsync(Ct);
        int? memberId = member is null ? null : await db.Members.Where(m => m.Name == member).Select(m => m.Id).SingleAsync(Ct);
        var codes = objectives ?? [];
        var served = await db.Objectives.Where(o => codes.Contains(o.Code)).Select(o => new { o.Id, o.FocusAreaId }).ToListAsync(Ct);
        var activity = new Activity(title);
        var applied = activity.Apply(new ActivityValues(title, kind, start, end, city, memberId, bodyId, null, null, null, [], status, [],
            served.Select(o => o.FocusAreaId).Distinct().ToList(), served.Select(o => o.Id).ToList(), precision), app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        Check(applied.Succeeded, string.Join("; ", applied.Details));
        db.Activities.Add(activity);
        await db.SaveChangesAsync(Ct);
        return activity.Id;
    });

    /// <summary>Records a meeting as the secretariat does, through the app's own operation.</summary>
    public Task<int> MeetingAsync(string title, MeetingKind kind, DateOnly start, string? body = null, string? host = null, string[]? chairs = null,
        string[]? attendees = null) =>
        WithAsync<MeetingService, int>(async meetings =>
        {
            var saved = await meetings.SaveAsync(Administrator, null,
                new MeetingRequest(title, kind.ToString(), start, null, null, host, body, chairs, attendees, null), Ct);
            Check(saved.Succeeded, saved.Outcome.Message ?? title);
            return saved.Value!.Id;
        });

    /// <summary>Records a decision of the meeting, owned by a body, due by a date, by a later meeting, or not at all.</summary>
    public Task<int> DecisionAsync(int meetingId, string text, string ownerBody, DateOnly? dueDate = null, DecisionStatus status = DecisionStatus.Open,
        string? note = null, int? dueMeeting = null) =>
        WithAsync<MeetingService, int>(async meetings =>
        {
            var added = await meetings.AddDecisionAsync(Administrator, meetingId,
                new DecisionRequest(text, ownerBody, dueMeeting, dueDate, status.ToString(), note), Ct);
            Check(added.Succeeded, added.Outcome.Message ?? text);
            return added.Value!.Id;
        });

    /// <summary>Records a body's work plan as the secretariat would.</summary>
    public Task<int> WorkPlanAsync(string body, string title, DateOnly start, DateOnly end) =>
        WithAsync<WorkPlanService, int>(async plans =>
        {
            var created = await plans.CreateAsync(Administrator, new WorkPlanRequest(body, title, start, end, null), Ct);
            Check(created.Succeeded, created.Outcome.Message ?? title);
            return created.Value!.Id;
        });

    /// <summary>Adds an item to the work plan, with its target period, as the secretariat would.</summary>
    public Task<int> WorkPlanItemAsync(int planId, string title, DateOnly targetStart, DateOnly targetEnd) =>
        WithAsync<WorkPlanService, int>(async plans =>
        {
            var saved = await plans.SaveItemAsync(Administrator, planId, null, new WorkPlanItemRequest(title, null, targetStart, targetEnd, null, null), null, Ct);
            Check(saved.Succeeded, saved.Outcome.Message ?? title);
            return saved.Value!.Id;
        });

    /// <summary>The secretariat as the services see it.</summary>
    public static ClaimsPrincipal Administrator { get; } = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "secretariat"), new Claim(ClaimTypes.Name, "secretariat"), new Claim(ClaimTypes.Role, Roles.Administrator)], "test"));

    public Task<int> ScorecardIdAsync(int roundId, string bodyCode) => app.WithDbAsync(db =>
        db.Scorecards.Where(s => s.RoundId == roundId && db.Bodies.Any(b => b.Id == s.BodyId && b.Code == bodyCode)).Select(s => s.Id).SingleAsync(Ct));

    /// <summary>Rates every entry of the scorecard as a reporter of the body would, each with a progress narrative.</summary>
    public Task RateAllAsync(int scorecardId, Completion completion = Completion.Substantial, string progress = "Held the annual meeting.") =>
        ActAsync(scorecardId, "reporter", (service, loaded, user) =>
            RateAsync(service, loaded, user, _ => true, new EntryValues(completion, null, Trajectory.OnTrack, null, progress, null, null, null, [], [])));

    /// <summary>Saves one entry of the scorecard with the values given, as a reporter of the body would.</summary>
    public Task RateAsync(int scorecardId, string objective, Completion completion, string progress = "Held the annual meeting.", string? supportNeeded = null,
        Trajectory trajectory = Trajectory.OnTrack, int[]? evidence = null) =>
        ActAsync(scorecardId, "reporter", (service, loaded, user) =>
            RateAsync(service, loaded, user, code => code == objective,
                new EntryValues(completion, null, trajectory, null, progress, null, supportNeeded, null, [], [], evidence)));

    /// <summary>Writes the Co-Chairs' assessment of the round: the overall text and, by focus area code, each area's.</summary>
    public Task AssessmentAsync(int roundId, string overall, Dictionary<string, string?>? focusAreas = null) => app.WithDbAsync(async db =>
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var saved = await AssessmentCommands.SaveAsync(db, roundId, new AssessmentRequest(overall, focusAreas), "cochair", now, Ct);
        Check(saved.Succeeded, saved.Message ?? "assessment");
        return saved;
    });

    /// <summary>Submits the scorecard as a reporter of its body would.</summary>
    public Task SubmitAsync(int scorecardId) =>
        ActAsync(scorecardId, "reporter", async (service, loaded, user) => Check((await service.SubmitAsync(loaded, null, user, Ct)).Succeeded, "submit"));

    /// <summary>Submits the scorecard and approves it for each of the Process's Co-Chair governments.</summary>
    public async Task ApproveAsync(int scorecardId)
    {
        await SubmitAsync(scorecardId);
        var governments = await app.WithDbAsync(db => db.Members.Where(m => m.IsCoChairGovernment).Select(m => m.Id).ToListAsync(Ct));
        foreach (var government in governments)
        {
            await ActAsync(scorecardId, $"reviewer-{government}",
                async (service, loaded, user) => Check((await service.ApproveAsync(loaded, user, Ct)).Succeeded, "approve"), government);
        }
    }

    /// <summary>Closes reporting and publishes the round, as the secretariat and the Co-Chairs do.</summary>
    public async Task PublishAsync(int roundId)
    {
        using var scope = app.Services.CreateScope();
        var rounds = scope.ServiceProvider.GetRequiredService<RoundService>();
        var round = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Rounds.SingleAsync(r => r.Id == roundId, Ct);
        var clock = app.Services.GetRequiredService<TimeProvider>();
        Check((await rounds.ChangeStateAsync(round, r => r.StartReview(), Ct)).Succeeded, "close reporting");
        Check((await rounds.ChangeStateAsync(round, r => r.Publish(clock.GetUtcNow().UtcDateTime), Ct)).Succeeded, "publish");
    }

    /// <summary>Carries out a scorecard action as a person acting for the body or the government given.</summary>
    public Task ActAsync(int scorecardId, string who, Func<ScorecardService, LoadedScorecard, ClaimsPrincipal, Task> act, int? memberId = null) =>
        WithAsync<ScorecardService>(async service =>
        {
            var loaded = await service.LoadAsync(scorecardId, Ct) ?? throw new InvalidOperationException($"No scorecard {scorecardId}.");
            await act(service, loaded, Person(who, memberId));
        });

    /// <summary>A signed-in person as the services see one: <paramref name="who"/> is their id and name.</summary>
    public static ClaimsPrincipal Person(string who, int? memberId = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, who), new(ClaimTypes.Name, who), new(AppClaimTypes.DisplayName, who) };
        if (memberId is { } id)
        {
            claims.Add(new Claim(AppClaimTypes.Member, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static async Task RateAsync(ScorecardService service, LoadedScorecard loaded, ClaimsPrincipal user, Func<string, bool> which, EntryValues values)
    {
        var codes = await service.CurrentObjectiveCodesAsync(loaded.Scorecard, Ct);
        var entries = loaded.Scorecard.Entries.Where(e => codes.TryGetValue(e.ObjectiveId, out var code) && which(code)).ToList();
        Check(entries.Count > 0, "no such entry on the scorecard");
        foreach (var entry in entries)
        {
            var saved = await service.SaveEntryAsync(loaded, codes[entry.ObjectiveId], values, entry.Version, user, Ct);
            Check(saved.Succeeded, $"{codes[entry.ObjectiveId]}: {saved.Outcome.Message}");
        }
    }

    public Task WithAsync<TService>(Func<TService, Task> work)
        where TService : notnull => WithAsync<TService, bool>(async s =>
        {
            await work(s);
            return true;
        });

    public async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static void Check(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"Test data could not be built: {what}");
        }
    }
}
