using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Security;

/// <summary>
/// Every API operation in the app's endpoint table, called anonymously and as every role, with the ids of another
/// body's scorecard, activity and work plan: any success the rules forbid fails the test, and so does an operation
/// that has no line in <see cref="Expected"/>, so a new endpoint cannot arrive without a decision about who may call it.
/// It runs on the small Process with one of everything an operation can be pointed at, all the RSO's.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Flags]
    private enum Who
    {
        Nobody = 0,
        Anonymous = 1,
        Viewer = 2,
        Reporter = 4,
        CoChair = 8,
        Administrator = 16,
        Staff = CoChair | Administrator,
        Members = Viewer | Reporter | CoChair | Administrator,
        Everyone = Anonymous | Members,
    }

    // Who may succeed when the ids are another body's: the reporter acts for WG-TIP; the ids are RSO's.
    private static readonly Dictionary<string, Who> Expected = new()
    {
        ["GET /api/v1/public/rounds"] = Who.Everyone,
        ["GET /api/v1/public/rounds/{id}/summary"] = Who.Everyone,
        ["GET /api/v1/public/rounds/{id}/export"] = Who.Everyone,
        ["GET /api/v1/members"] = Who.Members,
        ["POST /api/v1/members"] = Who.Administrator,
        ["GET /api/v1/members/export"] = Who.Members,
        ["POST /api/v1/members/import"] = Who.Administrator,
        ["GET /api/v1/seats/export"] = Who.Members,
        ["GET /api/v1/members/{id}"] = Who.Members,
        ["PUT /api/v1/members/{id}"] = Who.Administrator,
        ["POST /api/v1/members/{id}/status"] = Who.Administrator,
        ["GET /api/v1/membership-proposals"] = Who.Members,
        ["POST /api/v1/membership-proposals"] = Who.Nobody,
        ["GET /api/v1/membership-proposals/{id}"] = Who.Members,
        ["POST /api/v1/membership-proposals/{id}/steps"] = Who.Nobody,
        ["GET /api/v1/bodies"] = Who.Members,
        ["GET /api/v1/bodies/{code}"] = Who.Members,
        ["GET /api/v1/bodies/export"] = Who.Members,
        ["POST /api/v1/bodies/import"] = Who.Administrator,
        ["GET /api/v1/users/export"] = Who.Administrator,
        ["POST /api/v1/users/import"] = Who.Administrator,
        ["POST /api/v1/bodies/{code}/seats"] = Who.Administrator,
        ["POST /api/v1/bodies/{code}/seats/{id}/end"] = Who.Administrator,
        ["POST /api/v1/bodies/{code}/co-chairs"] = Who.Administrator,
        ["POST /api/v1/bodies/{code}/co-chairs/{id}/end"] = Who.Administrator,
        ["GET /api/v1/framework"] = Who.Members,
        ["PUT /api/v1/framework"] = Who.Administrator,
        ["GET /api/v1/rounds"] = Who.Members,
        ["POST /api/v1/rounds"] = Who.Administrator,
        ["GET /api/v1/rounds/{id}"] = Who.Members,
        ["POST /api/v1/rounds/{id}/open"] = Who.Administrator,
        ["POST /api/v1/rounds/{id}/review"] = Who.Administrator,
        ["POST /api/v1/rounds/{id}/publish"] = Who.Staff,
        ["POST /api/v1/rounds/{id}/reopen"] = Who.Administrator,
        ["PUT /api/v1/rounds/{id}/meeting"] = Who.Administrator,
        ["GET /api/v1/rounds/{id}/scorecards"] = Who.Members,
        ["GET /api/v1/rounds/{id}/summary"] = Who.Members,
        ["GET /api/v1/rounds/{id}/export"] = Who.Members,
        ["GET /api/v1/rounds/{id}/statement"] = Who.Staff,
        ["GET /api/v1/rounds/{id}/assessment"] = Who.Members,
        ["PUT /api/v1/rounds/{id}/assessment"] = Who.Staff,
        ["GET /api/v1/scorecards/{id}"] = Who.Staff,
        ["GET /api/v1/scorecards/{id}/entries/{objectiveCode}"] = Who.Staff,
        ["PUT /api/v1/scorecards/{id}/entries/{objectiveCode}"] = Who.Nobody,
        ["PATCH /api/v1/scorecards/{id}/entries/{objectiveCode}"] = Who.Nobody,
        ["POST /api/v1/scorecards/{id}/entries/{objectiveCode}/confirm"] = Who.Nobody,
        ["POST /api/v1/scorecards/{id}/confirm-carried-over"] = Who.Nobody,
        ["GET /api/v1/scorecards/{id}/offline"] = Who.Nobody,
        ["POST /api/v1/scorecards/{id}/offline"] = Who.Nobody,
        ["POST /api/v1/scorecards/{id}/submit"] = Who.Nobody,
        ["POST /api/v1/scorecards/{id}/return"] = Who.CoChair,
        ["POST /api/v1/scorecards/{id}/approve"] = Who.CoChair,
        ["POST /api/v1/scorecards/approvals"] = Who.CoChair,
        ["POST /api/v1/scorecards/{id}/unapprove"] = Who.CoChair,
        ["GET /api/v1/activities"] = Who.Members,
        ["POST /api/v1/activities"] = Who.Reporter | Who.Administrator,
        ["GET /api/v1/activities/export"] = Who.Members,
        ["POST /api/v1/activities/import"] = Who.Reporter | Who.Administrator,
        ["GET /api/v1/activities/{id}"] = Who.Members,
        ["PUT /api/v1/activities/{id}"] = Who.Administrator,
        ["POST /api/v1/activities/{id}/archive"] = Who.Administrator,
        ["POST /api/v1/activities/{id}/restore"] = Who.Administrator,
        ["GET /api/v1/meetings"] = Who.Members,
        ["POST /api/v1/meetings"] = Who.Administrator,
        ["GET /api/v1/meetings/{id}"] = Who.Members,
        ["PUT /api/v1/meetings/{id}"] = Who.Administrator,
        ["POST /api/v1/meetings/{id}/decisions"] = Who.Administrator,
        ["GET /api/v1/decisions"] = Who.Members,
        ["GET /api/v1/decisions/{id}"] = Who.Members,
        ["PUT /api/v1/decisions/{id}"] = Who.Administrator,
        ["POST /api/v1/decisions/{id}/status"] = Who.Administrator,
        ["GET /api/v1/workplans"] = Who.Members,
        ["POST /api/v1/workplans"] = Who.Reporter | Who.Administrator,
        ["GET /api/v1/workplans/{id}"] = Who.Members,
        ["PUT /api/v1/workplans/{id}"] = Who.Administrator,
        ["POST /api/v1/workplans/{id}/items"] = Who.Administrator,
        ["PUT /api/v1/workplans/{id}/items/{itemId}"] = Who.Administrator,
        ["POST /api/v1/workplans/{id}/items/{itemId}/status"] = Who.Administrator,
        ["GET /api/v1/audit"] = Who.Administrator,

        // The viewer is Viet Nam's focal point; the expression of interest is another member's (Sri Lanka's).
        ["GET /api/v1/secondments"] = Who.Members,
        ["GET /api/v1/secondments/export"] = Who.Members,
        ["POST /api/v1/secondments"] = Who.Nobody,
        ["GET /api/v1/secondments/{id}"] = Who.Staff,
        ["POST /api/v1/secondments/{id}/steps"] = Who.Nobody,
    };

    private static readonly (Who Who, string? Email)[] Callers =
    [
        (Who.Anonymous, null), (Who.Viewer, World.Viewer), (Who.Reporter, World.WgTip), (Who.CoChair, World.Indonesia), (Who.Administrator, World.Admin),
    ];

    [Fact]
    public async Task EveryApiOperation_AsEveryRole_WithAnotherBodysIds_SucceedsOnlyWhereTheRulesAllow()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var operations = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true && !e.RoutePattern.RawText.Contains("{**", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normalise(e.RoutePattern.RawText!)}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var ids = await OtherBodysIdsAsync(world);
        var clients = new Dictionary<Who, HttpClient>();
        foreach (var (who, email) in Callers)
        {
            clients[who] = email is null ? app.CreateClient() : await app.ApiClientAsync(email);
        }

        var missing = operations.Where(o => !Expected.ContainsKey(o)).ToList();
        var forbiddenSuccesses = new List<string>();
        var calls = 0;
        foreach (var operation in operations.Where(Expected.ContainsKey))
        {
            var (method, route) = (operation.Split(' ')[0], operation.Split(' ')[1]);
            var path = route.Replace("{id}", ids.For(route), StringComparison.Ordinal)
                .Replace("{code}", "RSO", StringComparison.Ordinal).Replace("{objectiveCode}", ids.ObjectiveCode, StringComparison.Ordinal).Replace("{itemId}", ids.WorkPlanItem, StringComparison.Ordinal);
            foreach (var (who, _) in Callers)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{\"reason\": \"Matrix test\", \"reply\": \"Matrix test\"}", Encoding.UTF8, "application/json");
                }

                var response = await clients[who].SendAsync(request, Ct);
                calls++;
                Assert.True((int)response.StatusCode < 500, $"{operation} as {who} answered {(int)response.StatusCode}");
                if (response.IsSuccessStatusCode && !Expected[operation].HasFlag(who))
                {
                    forbiddenSuccesses.Add($"{operation} as {who} → {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(missing.Count == 0 && forbiddenSuccesses.Count == 0,
            $"Operations with no line in the expected table: {string.Join(", ", missing)}\nSuccesses the rules forbid:\n{string.Join("\n", forbiddenSuccesses)}");
        Assert.True(calls >= 250, $"only {calls} calls were made");
    }

    // "{id:int}" → "{id}", as the table writes routes.
    private static string Normalise(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace("/" + pattern.Trim('/'), "\\{([a-zA-Z]+)(:[^}]+)?\\}", "{$1}");

    private sealed record OtherIds(string Round, string Scorecard, string Activity, string Meeting, string Decision, string WorkPlan, string WorkPlanItem,
        string ObjectiveCode, string Member, string Seat, string CoChair, string Secondment, string Proposal)
    {
        public string For(string route) => route switch
        {
            _ when route.StartsWith("/api/v1/members", StringComparison.Ordinal) => Member,
            _ when route.StartsWith("/api/v1/secondments", StringComparison.Ordinal) => Secondment,
            _ when route.StartsWith("/api/v1/membership-proposals", StringComparison.Ordinal) => Proposal,
            _ when route.StartsWith("/api/v1/bodies/{code}/seats", StringComparison.Ordinal) => Seat,
            _ when route.StartsWith("/api/v1/bodies/{code}/co-chairs", StringComparison.Ordinal) => CoChair,
            _ when route.StartsWith("/api/v1/scorecards", StringComparison.Ordinal) => Scorecard,
            _ when route.StartsWith("/api/v1/activities", StringComparison.Ordinal) => Activity,
            _ when route.StartsWith("/api/v1/meetings", StringComparison.Ordinal) => Meeting,
            _ when route.StartsWith("/api/v1/decisions", StringComparison.Ordinal) => Decision,
            _ when route.StartsWith("/api/v1/workplans", StringComparison.Ordinal) => WorkPlan,
            _ => Round,
        };
    }

    // Another body's things, in the open round: the reporter acts for WG-TIP. The RSO's scorecard is submitted, so that
    // reviewing it can succeed for those allowed to; the RSO has an activity and a work plan with an item; a meeting
    // has a decision the RSO owns.
    private static async Task<OtherIds> OtherBodysIdsAsync(World world)
    {
        var given = world.Given;
        var scorecard = await world.ScorecardAsync("RSO");
        await given.RateAllAsync(scorecard);
        await given.SubmitAsync(scorecard);
        var activity = await given.ActivityAsync("RSO", "RSO annual meeting", Domain.Activities.DatePrecision.Day, new(2025, 7, 16));
        var plan = await given.WorkPlanAsync("RSO", "2024–2026 Strategic Plan and Work Plan", new(2024, 1, 1), new(2026, 12, 31));
        var item = await given.WorkPlanItemAsync(plan, "Interregional technical workshop", new(2025, 1, 1), new(2025, 12, 31));
        var meeting = await given.MeetingAsync("19th Ad Hoc Group SOM", Domain.Meetings.MeetingKind.AdHocGroupSom, new(2026, 5, 20));
        var decision = await given.DecisionAsync(meeting, "Develop a scorecard to track progress.", "RSO");
        var member = await world.App.WithDbAsync(db => db.Members.Where(m => m.Name == "Viet Nam").Select(m => m.Id).SingleAsync());
        var (seat, coChair) = await world.App.WithDbAsync(async db =>
        {
            var rso = await db.Bodies.Include(b => b.Seats).Include(b => b.CoChairs).SingleAsync(b => b.Code == "RSO");
            rso.AddSeat(member, "Viet Nam", null, null);
            rso.AddCoChair(member, "Viet Nam", null, null, null, null);
            await db.SaveChangesAsync();
            return (rso.Seats[0].Id, rso.CoChairs[0].Id);
        });
        var sriLanka = await given.MemberAsync("Sri Lanka");
        var secondment = await world.App.WithDbAsync(async db =>
        {
            var interest = Domain.Secondments.Secondment.Submit(sriLanka, new Domain.Secondments.InterestValues("Department of Immigration and Emigration",
                "Aviation people smuggling.", null, null, [await db.FocusAreas.Select(f => f.Id).FirstAsync()], "Ms A. Perera", null), "Focal point", DateTime.UtcNow).Value!;
            db.Secondments.Add(interest);
            await db.SaveChangesAsync();
            return interest.Id;
        });
        var proposal = await world.App.WithDbAsync(async db =>
        {
            var proposed = Domain.Members.MembershipProposal.Propose(Domain.Members.ProposalKind.JoinBody, member, await db.Bodies.Select(b => b.Id).FirstAsync(), null,
                "Matrix test.", "Secretariat", DateTime.UtcNow).Value!;
            db.MembershipProposals.Add(proposed);
            await db.SaveChangesAsync();
            return proposed.Id;
        });
        static string S(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new OtherIds(S(world.Round.Id), S(scorecard), S(activity), S(meeting), S(decision), S(plan), S(item), "LE-2", S(member), S(seat), S(coChair), S(secondment), S(proposal));
    }
}
