using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scorecards.Domain.Activities;
using Scorecards.Domain.Rounds;
using Scorecards.Web.Features.Statements;

namespace Scorecards.Data.Tests;

/// <summary>
/// The demo's statement draft for the 18th AHG SOM against the Co-Chairs' Statement it was born from: the event names,
/// dates, places, counts and partners of its "Working Group Updates", and nothing the data does not hold.
/// </summary>
public sealed partial class StatementFactsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The facts of the reference statement's "Working Group Updates" (shared/reference), as a reader would look for them:
    /// Viet Nam as the member list spells it, day ranges with an en dash.
    /// </summary>
    private static readonly string[] Facts =
    [
        // WG-TIP
        "10th Anniversary Commemorative Dialogue", "10th Annual Meeting", "Trafficking into Online Scam Centres: Enhancing community awareness through partnership",
        "Bangkok", "November 2024", "2024–26 Forward Work Plan", "workshop with the RSO on AI and trafficking in persons",
        "research on forced marriage and trafficking in persons", "ASEAN SOMTC TIPWG", "AICHR", "expanding Working Group membership",
        "Joint Tabletop Exercise", "mid-2025", "2025 annual events", "TFPP",
        // D-WG
        "6th Joint Period of Action", "July 2024", "Review, Reflect, Reset", "16–18 July 2024", "Hanoi", "Viet Nam", "social media companies",
        "Department of Immigration and Emigration", "Government of New Zealand", "Thai Immigration", "Airline Liaison Officers",
        "cross-border trafficking networks", "June",
        // TEG-RR
        "7th Annual Meeting", "Phnom Penh", "Cambodia", "December 2024", "de-conflicting and streamlining lines of effort", "three forward priority areas",
        "8th Annual Meeting", "Q4 2025",
        // TFPP
        "predictive analytics",
        // GABF
        "Sri Lanka Summit", "Chevaan Daniel", "Colombo", "13–14 June 2024", "Acknowledge. Act. Advance.", "Colombo Commitment", "Andrew Forrest",
        "Garibaldi Thohir", "online job scams", "forced labour in supply chains", "GABF-focused RSO personnel",
        // RSO
        "2024–2026 Strategic Plan and Work Plan", "seven", "thematic update on trafficking into cyber-scam centres", "plan of action",
        "Interregional Technical Workshop", "Chiang Saen", "27–30 May 2025", "OSINT", "Regional Meeting on Countering People Smuggling",
        "Government of Malaysia", "Kuala Lumpur", "27–28 May 2025", "Andaman Sea",
    ];

    [Theory]
    [MemberData(nameof(StorageTests.Providers), MemberType = typeof(StorageTests))]
    public async Task DemoDraft_CarriesTheReferenceStatementsFacts_AndStatesNoDateOrPlaceTheDataDoesNotHold(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        var (draft, activities) = await database.WithDbAsync(async db =>
        {
            var round = await db.Rounds.Where(r => r.Status == RoundStatus.Published).Select(r => r.Id).SingleAsync(Ct);
            return ((await StatementQueries.GetAsync(db, round, Ct))!.Markdown,
                await db.Activities.Select(a => new { a.StartDate, a.EndDate, a.DatePrecision, a.City }).ToListAsync(Ct));
        });
        var updates = draft[..draft.IndexOf("## Progress to implement", StringComparison.Ordinal)];

        var missing = Facts.Where(f => !updates.Contains(f, StringComparison.OrdinalIgnoreCase)).ToList();
        var share = (Facts.Length - missing.Count) / (double)Facts.Length;
        TestContext.Current.TestOutputHelper?.WriteLine($"Statement facts ({provider}): {Facts.Length - missing.Count} of {Facts.Length} ({share:P0}); missing: {string.Join("; ", missing)}");
        Assert.True(share >= 0.9, $"{share:P0} of the reference statement's facts; missing: {string.Join("; ", missing)}");

        // Every date the draft states is one the data holds, at the precision it holds it.
        var known = activities.SelectMany(a => new[]
        {
            ActivityDates.Describe(a.DatePrecision, a.StartDate, a.EndDate),
            a.StartDate.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")),
        }).ToHashSet(StringComparer.Ordinal);
        var stated = Dates().Matches(updates).Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(stated);
        Assert.All(stated, d => Assert.True(known.Any(k => k.Contains(d, StringComparison.Ordinal)), $"'{d}' is stated but no activity has it."));

        // Every city the draft places something in is a city of the register.
        var cities = activities.Where(a => a.City is not null).Select(a => a.City!).ToHashSet(StringComparer.Ordinal);
        var places = Places().Matches(updates).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(places);
        Assert.All(places, p => Assert.Contains(p, cities));
    }

    [GeneratedRegex(@"(\d{1,2}(–\d{1,2})? )?(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}|Q[1-4] \d{4}")]
    private static partial Regex Dates();

    [GeneratedRegex(@" in ([A-Z][a-z]+(?: [A-Z][a-z]+)?), (?:Thailand|Viet Nam|Cambodia|Sri Lanka|Malaysia|Indonesia|Australia|Philippines)\b")]
    private static partial Regex Places();
}
