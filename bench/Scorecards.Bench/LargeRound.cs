using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scorecards.Data;
using Scorecards.Domain.Framework;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;
using Scorecards.Web;
using Scorecards.Web.Cli;

/// <summary>
/// Adds to the demo data a published round FACTOR times the size of the demo's: every objective gets FACTOR - 1
/// generated copies with the same bodies assigned, and each body reports on all of them with a narrative of
/// the demo's length and one cited activity, approved by both Co-Chairs. Deterministic (fixed seed).
/// Usage: Scorecards.Bench large-round DATA_DIR FACTOR
/// </summary>
internal static class LargeRound
{
    public static async Task<int> WriteAsync(string[] args)
    {
        if (args.Length != 2 || !int.TryParse(args[1], out var factor) || factor < 2)
        {
            await Console.Error.WriteLineAsync("usage: Scorecards.Bench large-round DATA_DIR FACTOR (FACTOR >= 2)");
            return 2;
        }

        var builder = WebApp.CreateBuilder([], args[0]);
        builder.Logging.ClearProviders();
        await using var app = WebApp.Build(builder);
        await CommandLine.PrepareAsync(app.Services, seedDemo: true, TextWriter.Null, CancellationToken.None);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.AuditingSuspended = true;
        var name = $"Generated round ×{factor}";
        if (await db.Rounds.AnyAsync(r => r.Name == name))
        {
            Console.WriteLine($"{args[0]} already holds {name}.");
            return 0;
        }

        var random = new Random(11);
        var objectives = await db.Objectives.AsNoTracking().Where(o => !o.IsRetired).ToListAsync();
        var assignments = await db.Assignments.AsNoTracking().ToListAsync();
        foreach (var objective in objectives)
        {
            for (var copy = 1; copy < factor; copy++)
            {
                var generated = new Objective(objective.FocusAreaId, $"{objective.Code}-G{copy}", $"{objective.Title} (generated {copy})");
                db.Objectives.Add(generated);
                await db.SaveChangesAsync();
                db.Assignments.AddRange(assignments.Where(a => a.ObjectiveId == objective.Id).Select(a => new Assignment(generated.Id, a.BodyId)));
            }
        }

        await db.SaveChangesAsync();
        var indonesia = await db.Members.Where(m => m.Name == "Indonesia").Select(m => m.Id).SingleAsync();
        var australia = await db.Members.Where(m => m.Name == "Australia").Select(m => m.Id).SingleAsync();
        var narratives = await db.Entries.Where(e => e.Progress != null).Select(e => e.Progress!).ToListAsync();
        var activities = await db.Activities.Select(a => new { a.Id, a.LeadBodyId }).ToListAsync();
        var codes = await db.Objectives.ToDictionaryAsync(o => o.Id, o => o.Code);
        var round = new Round(name, "Generated for the export benchmark", new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), new DateOnly(2024, 11, 1), new DateOnly(2024, 12, 1));
        round.Open();
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        var levels = new[] { Completion.NotStarted, Completion.Limited, Completion.Substantial, Completion.Substantial, Completion.Complete, Completion.NoEvidence };
        var at = new DateTime(2025, 12, 1, 4, 0, 0, DateTimeKind.Utc);
        var entries = 0;
        foreach (var group in (await db.Assignments.AsNoTracking().ToListAsync()).GroupBy(a => a.BodyId))
        {
            var scorecard = new Scorecard(round.Id, group.Key);
            scorecard.EnsureEntries(group.Select(a => a.ObjectiveId));
            var cite = activities.Where(a => a.LeadBodyId == group.Key).Select(a => a.Id).Take(1).ToList();
            foreach (var entry in scorecard.Entries)
            {
                entry.Apply(new EntryValues(levels[random.Next(levels.Length)], null, Trajectory.OnTrack, null, narratives[random.Next(narratives.Count)],
                    null, null, null, [], [], cite), "bench", at);
                entries++;
            }

            var current = codes.Where(c => group.Any(a => a.ObjectiveId == c.Key)).ToDictionary(c => c.Key, c => c.Value);
            scorecard.Submit(RoundStatus.Open, current, null, "bench", "bench", at);
            scorecard.Approve(RoundStatus.Open, indonesia, [indonesia, australia], "bench-id", "bench", at);
            scorecard.Approve(RoundStatus.Open, australia, [indonesia, australia], "bench-au", "bench", at);
            db.Scorecards.Add(scorecard);
        }

        round.StartReview();
        round.Publish(at);
        await db.SaveChangesAsync();
        Console.WriteLine($"{args[0]}: round {round.Id}, \"{name}\", {entries} entries.");
        return 0;
    }
}
