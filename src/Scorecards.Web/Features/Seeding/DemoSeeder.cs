using System.Reflection;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Data.Accounts;
using Scorecards.Data.Auditing;
using Scorecards.Domain;
using Scorecards.Domain.Bodies;
using Scorecards.Domain.Meetings;
using Scorecards.Domain.Members;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;
using Scorecards.Domain.Secondments;
using Scorecards.Domain.WorkPlans;
using Scorecards.Web.Features.Accounts;
using Scorecards.Web.Features.Framework;
using Scorecards.Web.Features.Rounds;
using Scorecards.Web.Features.Setup;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Seeding;

public sealed record DemoAccount(string Email, string Name, string Role, string? Body, string? Member);

/// <summary>
/// Fills an empty database with demo data drawn from the reference statement: the members, the six
/// reporting bodies, an illustrative framework, demo accounts for every role, a published past round and
/// the current open round with scorecards in every state.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, AccountService accounts, FrameworkImporter framework, RoundService rounds, TimeProvider clock)
{
    /// <summary>Demo-only password shared by every demo account; the README says so too.</summary>
    public const string DemoPassword = "scorecards-demo";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin@demo.scorecards.test", "Secretariat Administrator", Roles.Administrator, null, null),
        new("cochair.indonesia@demo.scorecards.test", "Co-Chair Reviewer (Indonesia)", Roles.CoChair, null, "Indonesia"),
        new("cochair.australia@demo.scorecards.test", "Co-Chair Reviewer (Australia)", Roles.CoChair, null, "Australia"),
        new("reporter.wg-tip@demo.scorecards.test", "WG-TIP Reporter", Roles.Reporter, "WG-TIP", "Thailand"),
        new("reporter.d-wg@demo.scorecards.test", "D-WG Reporter", Roles.Reporter, "D-WG", null),
        new("reporter.teg-rr@demo.scorecards.test", "TEG-RR Reporter", Roles.Reporter, "TEG-RR", null),
        new("reporter.tfpp@demo.scorecards.test", "TFPP Reporter", Roles.Reporter, "TFPP", null),
        new("reporter.rso@demo.scorecards.test", "RSO Reporter", Roles.Reporter, "RSO", null),
        new("reporter.gabf@demo.scorecards.test", "GABF Reporter", Roles.Reporter, "GABF", null),
        new("viewer@demo.scorecards.test", "Member Viewer (Viet Nam)", Roles.MemberViewer, null, "Viet Nam"),
        new("focal.sri-lanka@demo.scorecards.test", "Focal Point (Sri Lanka)", Roles.MemberViewer, null, "Sri Lanka"),
    ];

    /// <summary>
    /// The six bodies with the co-chairs the public record names (the reference material), and no others: the working groups'
    /// co-chair governments, which sit on them, and the GABF's business co-chairs. Their terms' dates are not public, so
    /// the terms run from before the register began.
    /// </summary>
    private static readonly Dictionary<string, (string[] Members, string[] People)> CoChairs = new()
    {
        ["WG-TIP"] = (["Australia", "Indonesia"], []),
        ["D-WG"] = (["New Zealand", "Viet Nam"], []),
        ["TEG-RR"] = (["Philippines", "Australia"], []),
        ["GABF"] = ([], ["Dr Andrew Forrest", "Mr Garibaldi Thohir"]),
    };

    public async Task<bool> IsEmptyAsync(CancellationToken ct) =>
        !await db.Bodies.AnyAsync(ct) && !await db.Rounds.AnyAsync(ct) && !await db.Members.AnyAsync(ct);

    public async Task<Result> SeedAsync(CancellationToken ct)
    {
        if (!await IsEmptyAsync(ct))
        {
            return Result.Fail("seed.not-empty", "The database already holds data; demo data is only seeded into an empty database.");
        }

        db.AuditingSuspended = true;
        try
        {
            await SeedMembersAndBodiesAsync(ct);
            var (_, errors) = await framework.ImportAsync(await ReadResourceAsync("framework.yaml"), ct);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("The demo framework is invalid: " + string.Join("; ", errors));
            }

            var users = await SeedAccountsAsync(ct);
            await SeedActivitiesAsync(ct);
            await SeedMeetingsAsync(ct);
            await SeedRoundsAsync(users, ct);
            await SeedWorkPlansAsync(ct);
            await SeedSecondmentsAsync(ct);
        }
        finally
        {
            db.AuditingSuspended = false;
        }

        db.AuditEvents.Add(new AuditEvent
        {
            Utc = clock.GetUtcNow().UtcDateTime,
            UserName = "command line",
            Action = "Created",
            EntityType = "DemoData",
            EntityId = "demo",
            Subject = "Demo data seeded",
            After = $"{await db.Members.CountAsync(ct)} members, {await db.Secondments.CountAsync(ct)} secondments, {await db.Bodies.CountAsync(ct)} bodies, {await db.Objectives.CountAsync(ct)} objectives, {await db.Rounds.CountAsync(ct)} rounds, {await db.Activities.CountAsync(ct)} activities, {await db.Meetings.CountAsync(ct)} meetings, {await db.WorkPlans.CountAsync(ct)} work plans, {await db.Users.CountAsync(ct)} accounts",
        });
        db.AuditingSuspended = true;
        await db.SaveChangesAsync(ct);
        db.AuditingSuspended = false;
        return Result.Ok();
    }

    private async Task SeedMembersAndBodiesAsync(CancellationToken ct)
    {
        var csv = System.Text.Encoding.UTF8.GetString(StarterData.MembersCsv());
        foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1))
        {
            var name = line[..line.LastIndexOf(',', line.LastIndexOf(',') - 1)];
            var parts = line[(name.Length + 1)..].Split(',');
            if (!Member.TryParseKind(parts[0], out var kind))
            {
                throw new InvalidOperationException($"Unknown member kind '{parts[0]}' in the demo member list.");
            }

            db.Members.Add(new Member(name.Trim('"'), kind, parts[1] == "observer" ? MemberStatus.Observer : MemberStatus.Member));
        }

        await db.SaveChangesAsync(ct);
        foreach (var government in await db.Members.Where(m => StarterData.CoChairGovernments.Contains(m.Name)).ToListAsync(ct))
        {
            Check(government.BecomeCoChairGovernment());
        }

        await db.SaveChangesAsync(ct);
        var members = await db.Members.ToDictionaryAsync(m => m.Name, m => m.Id, ct);
        foreach (var (code, name) in StarterData.Bodies)
        {
            var body = new Body(code, name);
            var (memberCoChairs, personCoChairs) = CoChairs.GetValueOrDefault(code, ([], []));
            foreach (var member in memberCoChairs)
            {
                Check(body.AddSeat(members[member], member, null, null));
                Check(body.AddCoChair(members[member], member, null, null, null, null));
            }

            foreach (var person in personCoChairs)
            {
                Check(body.AddCoChair(null, null, person, null, null, null));
            }

            db.Bodies.Add(body);
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<Dictionary<string, ClaimsPrincipal>> SeedAccountsAsync(CancellationToken ct)
    {
        await accounts.EnsureRolesAsync();
        var principals = new Dictionary<string, ClaimsPrincipal>();
        foreach (var account in Accounts)
        {
            var (created, errors) = await accounts.CreateAsync(new NewUser(account.Email, account.Name, account.Role, account.Body, account.Member, DemoPassword), ct);
            if (created is null)
            {
                throw new InvalidOperationException($"Demo account {account.Email}: " + string.Join("; ", errors.Select(e => e.Message)));
            }

            var claims = new List<Claim>
            {
                new(ClaimTypes.NameIdentifier, created.User.Id),
                new(ClaimTypes.Name, account.Email),
                new(ClaimTypes.Role, account.Role),
                new(AppClaimTypes.DisplayName, account.Name),
            };
            if (created.User.MemberId is { } memberId)
            {
                claims.Add(new Claim(AppClaimTypes.Member, memberId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            principals[account.Email] = new ClaimsPrincipal(new ClaimsIdentity(claims, "demo"));
        }

        return principals;
    }

    private async Task SeedRoundsAsync(Dictionary<string, ClaimsPrincipal> users, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var governments = await Members.CoChairGovernments.IdsAsync(db, ct);
        // The period since the 17th AHG SOM (Kuala Lumpur, 2–3 May 2024) up to the 18th (Bangkok, 21 May 2025), so everything
        // the 18th's statement reports falls inside it and what it announces falls after the meeting.
        var eighteenth = await db.Meetings.Where(m => m.Title == "18th Ad Hoc Group Senior Officials' Meeting").Select(m => m.Id).SingleAsync(ct);
        var (past, _) = await rounds.CreateAsync(new RoundInput("18th AHG SOM, 2025", null,
            new DateOnly(2024, 5, 4), new DateOnly(2025, 5, 21), new DateOnly(2025, 3, 3), new DateOnly(2025, 5, 9), MeetingId: eighteenth), ct);
        await rounds.OpenAsync(past!, ct);
        await FillAsync(past!, DemoNarratives.PastRound, new DateTime(2025, 4, 28, 3, 0, 0, DateTimeKind.Utc), ct);
        foreach (var scorecard in await db.Scorecards.Where(s => s.RoundId == past!.Id).Select(s => s.Id).ToListAsync(ct))
        {
            await ActAsync(scorecard, ct, (s, r, codes) => s.Submit(r, codes, null, Id(users, "reporter"), "Reporter", At(2025, 5, 6)),
                (s, r, _) => s.Approve(r, MemberOf(users, "cochair.indonesia"), governments, Id(users, "cochair.indonesia"), "Co-Chair Reviewer (Indonesia)", At(2025, 5, 12)),
                (s, r, _) => s.Approve(r, MemberOf(users, "cochair.australia"), governments, Id(users, "cochair.australia"), "Co-Chair Reviewer (Australia)", At(2025, 5, 14)));
        }

        // The Co-Chairs' assessment, in the statement's words ("Progress to implement the Adelaide Strategy for Cooperation").
        var se = await db.FocusAreas.Where(f => f.Code == "SE").Select(f => f.Id).SingleAsync(ct);
        foreach (var (area, text) in new (int?, string)[]
        {
            (null, "The Ad Hoc Group SOM recognised progress towards realising the 2023 Adelaide Strategy for Cooperation. The Bali Process WG-TIP and TEG-RR "
                + "have adopted new Forward Work Plans closely aligned with the Strategy.\n\nThe RSO continues to provide support to build member capacity "
                + "across the Bali Process mandate, with Co-Chairs noting efforts in the areas of law enforcement, border management and stakeholder engagement."),
            (se, "Working Groups have increased their collaboration with civil society, private sector organisations and regional bodies, including during "
                + "their annual meetings. The WG-TIP and TFPP joint event 'Enhancing community awareness through partnership' brought together government, "
                + "civil society and the private sector to discuss public information campaigns and cross-sectoral issues."),
        })
        {
            var assessment = new Assessment(past!.Id, area);
            Check(assessment.Write(past.Status, text, "Co-Chair Reviewer (Indonesia)", At(2025, 5, 16)));
            db.Assessments.Add(assessment);
        }

        Check(past!.StartReview());
        Check(past.Publish(At(2025, 5, 21)));
        await db.SaveChangesAsync(ct);

        var (current, _) = await rounds.CreateAsync(new RoundInput("19th AHG SOM, 2026", "19th Ad Hoc Group Senior Officials' Meeting",
            new DateOnly(2025, 5, 22), today.AddDays(30), today.AddDays(-21), today.AddDays(30)), ct);
        await rounds.OpenAsync(current!, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await FillAsync(current!, DemoNarratives.CurrentRound, now.AddDays(-3), ct);

        var cards = await db.Scorecards.Where(s => s.RoundId == current!.Id)
            .Join(db.Bodies, s => s.BodyId, b => b.Id, (s, b) => new { s.Id, b.Code }).ToDictionaryAsync(x => x.Code, x => x.Id, ct);
        // The bodies that submitted first confirmed, entry by entry, what they carried over unchanged.
        await ActAsync(cards["D-WG"], ct, Confirm("d-wg", now.AddDays(-2)), (s, r, codes) => s.Submit(r, codes, null, Id(users, "reporter.d-wg"), "D-WG Reporter", now.AddDays(-2)));
        await ActAsync(cards["RSO"], ct, Confirm("rso", now.AddDays(-5)), (s, r, codes) => s.Submit(r, codes, null, Id(users, "reporter.rso"), "RSO Reporter", now.AddDays(-5)),
            (s, r, _) => s.Approve(r, MemberOf(users, "cochair.indonesia"), governments, Id(users, "cochair.indonesia"), "Co-Chair Reviewer (Indonesia)", now.AddDays(-1)));
        await ActAsync(cards["TFPP"], ct, Confirm("tfpp", now.AddDays(-6)), (s, r, codes) => s.Submit(r, codes, null, Id(users, "reporter.tfpp"), "TFPP Reporter", now.AddDays(-6)),
            (s, r, _) => s.Return(r, "Please add what the TFPP's 2025 annual meeting covered under VM-4, and say whether the Andaman Sea work (IM-1) is still delayed.",
                Id(users, "cochair.australia"), "Co-Chair Reviewer (Australia)", now.AddDays(-4)));

        DateTime At(int y, int m, int d) => new(y, m, d, 4, 0, 0, DateTimeKind.Utc);

        static Func<Scorecard, RoundStatus, IReadOnlyDictionary<int, string>, Result> Confirm(string body, DateTime when) => (s, r, codes) =>
            s.Entries.Any(e => e.IsCarriedOver) ? s.ConfirmCarriedOver(r, codes.Keys.ToList(), $"reporter.{body}@demo.scorecards.test", when) : Result.Ok();
    }

    private async Task SeedActivitiesAsync(CancellationToken ct)
    {
        var bodies = await db.Bodies.ToDictionaryAsync(b => b.Code, b => b.Id, ct);
        var members = await db.Members.ToDictionaryAsync(m => m.Name, m => m.Id, ct);
        var objectives = await db.Objectives.ToDictionaryAsync(o => o.Code, o => (o.Id, o.FocusAreaId), ct);
        foreach (var a in DemoActivities.All)
        {
            var activity = new Domain.Activities.Activity(a.Title);
            Check(activity.Apply(new Domain.Activities.ActivityValues(a.Title, a.Kind, a.Start, a.End, a.City, a.Member is null ? null : members[a.Member],
                bodies[a.Body], a.Partners, a.Outputs, null, [], a.Status, (a.PartnerMembers ?? []).Select(m => members[m]).ToList(),
                a.Objectives.Select(o => objectives[o].FocusAreaId).Distinct().ToList(), a.Objectives.Select(o => objectives[o].Id).ToList(), a.Precision),
                clock.GetUtcNow().UtcDateTime));
            db.Activities.Add(activity);
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task SeedWorkPlansAsync(CancellationToken ct)
    {
        var bodies = await db.Bodies.ToDictionaryAsync(b => b.Code, b => b.Id, ct);
        var objectives = await db.Objectives.ToDictionaryAsync(o => o.Code, o => o.Id, ct);
        var activities = await db.Activities.ToDictionaryAsync(a => a.Title, a => a.Id, ct);
        foreach (var p in DemoWorkPlans.All)
        {
            var plan = new WorkPlan(bodies[p.Body], p.Title, p.From, p.To);
            Check(plan.Change(p.Title, p.From, p.To, p.Description));
            foreach (var i in p.Items)
            {
                var item = plan.AddItem(i.Title);
                Check(item.Apply(new WorkPlanItemValues(i.Title, null, i.From, i.To, i.Objectives.Select(o => objectives[o]).ToList(),
                    i.Activities.Select(a => activities[a]).ToList()), p.From, p.To));
                Check(item.Override(i.SetStatus, i.Reason));
            }

            db.WorkPlans.Add(plan);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The secondments the 18th AHG SOM statement reports: Sri Lanka's Department of Immigration and Emigration to the RSO, funded
    /// by New Zealand, completed. Their dates are not public; the record spans the reporting period and says so.
    /// </summary>
    private async Task SeedSecondmentsAsync(CancellationToken ct)
    {
        var sriLanka = await db.Members.Where(m => m.Name == "Sri Lanka").Select(m => m.Id).SingleAsync(ct);
        var focusAreas = await db.FocusAreas.Where(f => f.Code == "BM" || f.Code == "IS").Select(f => f.Id).ToListAsync(ct);
        var activity = await db.Activities.Where(a => a.Title == "Secondments from Sri Lanka's Department of Immigration and Emigration").Select(a => a.Id).SingleAsync(ct);
        var start = new DateTime(2024, 5, 6, 4, 0, 0, DateTimeKind.Utc);
        var submitted = Secondment.Submit(sriLanka, new InterestValues("Department of Immigration and Emigration",
            "Aviation people smuggling and trafficking in persons: a series of secondments to the RSO, building on the cross-border cooperation between Sri Lanka "
            + "and Thailand in the 6th Joint Period of Action.", null, null, focusAreas, null, null), "Focal Point (Sri Lanka)", start);
        Check(submitted.Outcome);
        var secondment = submitted.Value!;
        Check(secondment.Move(new SecondmentStep(SecondmentStatus.UnderDiscussion, null), "RSO Reporter", start));
        Check(secondment.Move(new SecondmentStep(SecondmentStatus.Agreed, null), "RSO Reporter", start));
        Check(secondment.Move(new SecondmentStep(SecondmentStatus.Placed, "The exact dates are not public; the placement is recorded across the reporting period it fell in.",
            "RSO, Bangkok", new DateOnly(2024, 5, 6), new DateOnly(2025, 5, 20), "Government of New Zealand"), "RSO Reporter", start));
        Check(secondment.Move(new SecondmentStep(SecondmentStatus.Completed, null, Outcomes:
            "Fostered information sharing between Sri Lankan officials, Thai Immigration and Airline Liaison Officers based in the region on aviation people smuggling "
            + "and trafficking in persons; noted by the D-WG as a successful model for engagement.", ActivityIds: [activity]),
            "RSO Reporter", new DateTime(2025, 5, 20, 4, 0, 0, DateTimeKind.Utc)));
        db.Secondments.Add(secondment);
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedMeetingsAsync(CancellationToken ct)
    {
        var bodies = await db.Bodies.ToDictionaryAsync(b => b.Code, b => b.Id, ct);
        var members = await db.Members.ToDictionaryAsync(m => m.Name, m => m.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var m in DemoMeetings.All)
        {
            var meeting = new Meeting(m.Title);
            Check(meeting.Apply(new MeetingValues(m.Title, m.Kind, m.Start, m.End, m.City, members[m.Host], m.Body is null ? null : bodies[m.Body],
                m.Chairs.Select(c => members[c]).ToList(), m.Attendees.Select(a => members[a]).ToList(), m.Others)));
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(ct);
            var number = 0;
            foreach (var d in m.Decisions)
            {
                var decision = new Decision(meeting.Id, ++number);
                var due = d.DueDate ?? (d.DueInDays is { } days ? DateOnly.FromDateTime(now).AddDays(days) : null);
                Check(decision.Apply(new DecisionValues(d.Text, bodies[d.Owner], null, due, d.Status, d.Note), now));
                db.Decisions.Add(decision);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task FillAsync(Round round, IEnumerable<DemoEntry> demo, DateTime when, CancellationToken ct)
    {
        var objectives = await db.Objectives.ToDictionaryAsync(o => o.Code, o => o.Id, ct);
        var bodies = await db.Bodies.ToDictionaryAsync(b => b.Code, b => b.Id, ct);
        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        var scorecards = await db.Scorecards.Include(s => s.Entries).ThenInclude(e => e.IndicatorValues)
            .Include(s => s.Entries).ThenInclude(e => e.Citations)
            .Where(s => s.RoundId == round.Id).AsSplitQuery().ToListAsync(ct);
        // Each entry cites its body's activities of the period that serve the same objective.
        var evidence = await db.Activities.AsNoTracking()
            .Where(Domain.Activities.Activity.During(round.PeriodStart, round.PeriodEnd)).Where(a => a.Status == Domain.Activities.ActivityStatus.Delivered)
            .Join(db.Set<Domain.Activities.ActivityObjective>(), a => a.Id, o => o.ActivityId, (a, o) => new { a.Id, a.LeadBodyId, o.ObjectiveId })
            .ToListAsync(ct);
        foreach (var item in demo)
        {
            var scorecard = scorecards.Single(s => s.BodyId == bodies[item.Body]);
            var entry = scorecard.Entries.Single(e => e.ObjectiveId == objectives[item.Objective]);
            var values = new List<IndicatorValueInput>();
            if (item.Objective == "LE-2" && item.Body == "RSO")
            {
                values.Add(new IndicatorValueInput(indicators["LE-2.1"], round.PeriodEnd.Year >= 2026 ? 85 : 30, null, "Officials trained at RSO workshops."));
            }
            else if (item.Objective == "BM-3")
            {
                values.Add(new IndicatorValueInput(indicators["BM-3.1"], 3, null, "Secondments from Sri Lanka's Department of Immigration and Emigration."));
            }
            else if (item.Objective == "BM-2" && item.Body == "D-WG")
            {
                values.Add(new IndicatorValueInput(indicators["BM-2.1"], null, item.Completion == Completion.Complete, null));
            }

            Check(entry.Apply(new EntryValues(item.Completion, null, item.Trajectory, item.Effect, item.Progress, item.Challenges, null, item.NextSteps,
                item.Link is null ? [] : [item.Link], values,
                evidence.Where(x => x.LeadBodyId == bodies[item.Body] && x.ObjectiveId == objectives[item.Objective]).Select(x => x.Id).ToList()),
                $"reporter.{item.Body.ToLowerInvariant()}@demo.scorecards.test", when));
            scorecard.Touch();
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task ActAsync(int scorecardId, CancellationToken ct, params Func<Scorecard, RoundStatus, IReadOnlyDictionary<int, string>, Result>[] steps)
    {
        var scorecard = await db.Scorecards.Include(s => s.Entries).Include(s => s.Approvals).Include(s => s.ReviewEvents).AsSplitQuery()
            .SingleAsync(s => s.Id == scorecardId, ct);
        var round = await db.Rounds.SingleAsync(r => r.Id == scorecard.RoundId, ct);
        var ids = scorecard.Entries.Select(e => e.ObjectiveId).ToList();
        var codes = await db.Objectives.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        foreach (var step in steps)
        {
            Check(step(scorecard, round.Status, codes));
        }

        await db.SaveChangesAsync(ct);
    }

    private static string Id(Dictionary<string, ClaimsPrincipal> users, string prefix) =>
        users.First(u => u.Key.StartsWith(prefix, StringComparison.Ordinal)).Value.UserId();

    private static int? MemberOf(Dictionary<string, ClaimsPrincipal> users, string prefix) =>
        users.First(u => u.Key.StartsWith(prefix, StringComparison.Ordinal)).Value.MemberId();

    private static void Check(Result result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo data breaks a rule: {result.Message} {string.Join("; ", result.Details)}");
        }
    }

    private static async Task<string> ReadResourceAsync(string name)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("Seeding.Demo." + name, StringComparison.Ordinal));
        await using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
