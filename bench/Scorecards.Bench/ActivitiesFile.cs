using Scorecards.Web.Features.Activities;
using Scorecards.Web.Infrastructure.Spreadsheets;

/// <summary>
/// Writes a deterministic activities file for the import benchmark: ROWS new activities spread over the six
/// bodies, the nine kinds, 2024–2026, with a member, two partner members and one or two objectives each.
/// Usage: Scorecards.Bench activities FILE.csv|FILE.xlsx ROWS
/// </summary>
internal static class ActivitiesFile
{
    private static readonly string[] Bodies = ["WG-TIP", "D-WG", "TEG-RR", "TFPP", "RSO", "GABF"];
    private static readonly string[] Kinds = ["Meeting", "Workshop", "Training", "Tabletop exercise", "Research", "Secondment", "Campaign", "Summit", "Other"];
    private static readonly string[] Members = ["Australia", "Bangladesh", "Cambodia", "Indonesia", "Malaysia", "Maldives", "New Zealand", "Philippines", "Sri Lanka", "Thailand", "Viet Nam"];
    private static readonly string[] Cities = ["Canberra", "Dhaka", "Phnom Penh", "Jakarta", "Kuala Lumpur", "Malé", "Wellington", "Manila", "Colombo", "Bangkok", "Hanoi"];
    private static readonly string[] Objectives = ["LE-1", "LE-2", "LE-3", "SE-1", "SE-2", "SE-3", "SE-4", "IS-1", "IS-2", "IS-3", "IM-1", "IM-2", "BM-1", "BM-2", "VP-1", "VP-2", "MM-1", "RR-1", "RR-2"];

    public static async Task<int> WriteAsync(string[] args)
    {
        if (args.Length != 2 || !int.TryParse(args[1], out var rows) || rows < 1)
        {
            await Console.Error.WriteLineAsync("usage: Scorecards.Bench activities FILE.csv|FILE.xlsx ROWS");
            return 2;
        }

        var random = new Random(7);
        var start = new DateOnly(2024, 1, 1);
        var table = new SheetTable("Activities", ActivitySheet.Columns.Select(c => (c.Heading, c.Width)).ToList(), Enumerable.Range(1, rows).Select(i =>
        {
            var place = random.Next(Members.Length);
            var first = start.AddDays(random.Next(3 * 365));
            var objectives = Objectives[random.Next(Objectives.Length)] + (i % 3 == 0 ? "; " + Objectives[random.Next(Objectives.Length)] : "");
            return (IReadOnlyList<object?>)
            [
                null, $"Generated activity {i:00000}: {Kinds[i % Kinds.Length].ToLowerInvariant()} in {Cities[place]}", Kinds[i % Kinds.Length],
                first, first.AddDays(random.Next(4)), Cities[place], Members[place], Bodies[i % Bodies.Length],
                $"{Members[(place + 1) % Members.Length]}; {Members[(place + 2) % Members.Length]}", "IOM; UNODC", objectives,
                "Generated for the import benchmark.", 20 + random.Next(200), $"https://example.org/activities/{i}", i % 10 == 0 ? "planned" : "delivered",
            ];
        }));
        await using var file = File.Create(args[0]);
        await SheetWriter.WriteAsync(table, Path.GetExtension(args[0]).Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? "xlsx" : "csv", file, CancellationToken.None);
        Console.WriteLine($"Wrote {rows} activities to {args[0]} ({new FileInfo(args[0]).Length / 1024} KB).");
        return 0;
    }
}
