using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scorecards.Data;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;
using Scorecards.Web;
using Scorecards.Web.Cli;

// Generates benchmark data: the demo data, then a history of earlier published rounds in which every
// body reported on every assigned objective and both Co-Chairs approved. Deterministic (fixed seed).
// Usage: dotnet run --project bench/Scorecards.Bench -- DATA_DIR ROUNDS
// Or, for the import benchmark, writes an activities file: -- activities FILE ROWS
if (args.Length > 0 && args[0] == "activities")
{
    return await ActivitiesFile.WriteAsync(args[1..]);
}

// Or, as the throughput benchmark's limit, serves files' bytes from memory: -- baseline URL FILE CONTENT_TYPE [FILE CONTENT_TYPE …]
if (args.Length > 0 && args[0] == "baseline")
{
    return await Baseline.RunAsync(args[1..]);
}

// Or, for the export benchmark, adds a published round FACTOR times the demo's size: -- large-round DATA_DIR FACTOR
if (args.Length > 0 && args[0] == "large-round")
{
    return await LargeRound.WriteAsync(args[1..]);
}

if (args.Length != 2 || !int.TryParse(args[1], out var rounds) || rounds < 2)
{
    Console.Error.WriteLine("usage: Scorecards.Bench DATA_DIR ROUNDS (ROUNDS >= 2, counting the two demo rounds)");
    return 2;
}

var builder = WebApp.CreateBuilder([], args[0]);
builder.Logging.ClearProviders();
await using var app = WebApp.Build(builder);
await CommandLine.PrepareAsync(app.Services, seedDemo: true, TextWriter.Null, CancellationToken.None);

using var scope = app.Services.CreateScope();
var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
db.AuditingSuspended = true;
if (await db.Rounds.CountAsync() >= rounds)
{
    Console.WriteLine($"{args[0]} already holds {await db.Rounds.CountAsync()} rounds.");
    return 0;
}

var random = new Random(42);
var indonesia = await db.Members.Where(m => m.Name == "Indonesia").Select(m => m.Id).SingleAsync();
var australia = await db.Members.Where(m => m.Name == "Australia").Select(m => m.Id).SingleAsync();
var assignments = (await db.Assignments.AsNoTracking().ToListAsync()).GroupBy(a => a.BodyId).ToDictionary(g => g.Key, g => g.Select(a => a.ObjectiveId).ToList());
var codes = await db.Objectives.ToDictionaryAsync(o => o.Id, o => o.Code);
var levels = new[] { Completion.NotStarted, Completion.Limited, Completion.Limited, Completion.Substantial, Completion.Substantial, Completion.Complete, Completion.NoEvidence, Completion.NotApplicable };
var oldest = await db.Rounds.MinAsync(r => r.PeriodStart);

for (var i = 1; i <= rounds - 2; i++)
{
    var end = oldest.AddDays(-1).AddYears(-(i - 1));
    var round = new Round($"Historical round {i:000}", "Generated for benchmarks", end.AddYears(-1).AddDays(1), end, end.AddMonths(-2), end.AddMonths(-1));
    round.Open();
    db.Rounds.Add(round);
    await db.SaveChangesAsync();
    var at = end.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    foreach (var (bodyId, objectiveIds) in assignments)
    {
        var scorecard = new Scorecard(round.Id, bodyId);
        scorecard.EnsureEntries(objectiveIds);
        foreach (var entry in scorecard.Entries)
        {
            var level = levels[random.Next(levels.Length)];
            entry.Apply(new EntryValues(level, level == Completion.NotApplicable ? "Not in the work plan this period." : null,
                level is Completion.NotApplicable or Completion.NoEvidence ? null : Trajectory.OnTrack, null,
                $"Generated progress narrative {i} for objective {codes[entry.ObjectiveId]}.", null, null, null, [], []), "bench", at);
        }

        var current = codes.Where(c => objectiveIds.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value);
        scorecard.Submit(RoundStatus.Open, current, null, "bench", "bench", at);
        scorecard.Approve(RoundStatus.Open, indonesia, [indonesia, australia], "bench-id", "bench", at);
        scorecard.Approve(RoundStatus.Open, australia, [indonesia, australia], "bench-au", "bench", at);
        db.Scorecards.Add(scorecard);
    }

    round.StartReview();
    round.Publish(at);
    await db.SaveChangesAsync();
    db.ChangeTracker.Clear();
}

Console.WriteLine($"{args[0]} now holds {await db.Rounds.CountAsync()} rounds and {await db.Entries.CountAsync()} entries.");
return 0;
