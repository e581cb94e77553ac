using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Scorecards.Data.Accounts;
using Scorecards.Domain.Activities;
using Scorecards.Domain.Meetings;
using Scorecards.Domain.Members;
using Scorecards.Domain.Notices;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;
using Scorecards.Domain.Scoring;
using Scorecards.Domain.Secondments;
using Scorecards.Domain.WorkPlans;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Localization;

/// <summary>
/// The Indonesian resources against the code: every text the code asks for by its English has an Indonesian entry, every
/// rating, state and role label has one, and no entry can break the page it is written into.
/// </summary>
public sealed partial class TranslationTests
{
    private static readonly string ResourceFile = Path.Combine(Repository.Root, "src", "Scorecards.Web", "Resources", "Strings.id.resx");

    private static readonly Lazy<Dictionary<string, string>> Indonesian = new(() =>
        XDocument.Load(ResourceFile).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? ""));

    [Fact]
    public void EveryTextThePagesAndCodeAskFor_HasAnIndonesianEntry()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "Scorecards.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var asked = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in sources)
        {
            foreach (Match m in Asked().Matches(File.ReadAllText(file)))
            {
                asked.Add(Regex.Unescape(m.Groups["text"].Value));
            }
        }

        var missing = asked.Where(text => !Indonesian.Value.ContainsKey(text)).ToList();

        Assert.True(asked.Count > 500, $"only {asked.Count} texts found: is the pattern still right?");
        Assert.True(missing.Count == 0, $"{missing.Count} texts have no Indonesian entry:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryMessageTheCodeWritesForPeople_HasAnIndonesianEntry()
    {
        var sources = new[] { "Scorecards.Web", "Scorecards.Domain", "Scorecards.Data" }
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var templates = sources.SelectMany(f => MessageTemplates.In(Path.GetRelativePath(Repository.Root, f), File.ReadAllText(f))).ToList();

        var missing = templates.Where(t => !Indonesian.Value.ContainsKey(t.Template)).Select(t => $"{t.Where}: {t.Template}").Distinct().ToList();

        Assert.True(templates.Count > 250, $"only {templates.Count} messages found: is the reading still right?");
        Assert.True(missing.Count == 0, $"{missing.Count} messages have no Indonesian entry:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryLabelOfARatingStateRoleOrKind_HasAnIndonesianEntry()
    {
        var labels = new List<string>();
        labels.AddRange(Enum.GetValues<Completion>().SelectMany(c => new[] { c.Label(), c.Short() }));
        labels.AddRange(Enum.GetValues<Trajectory>().Select(t => t.Label()));
        labels.AddRange(Enum.GetValues<Effect>().Select(e => e.Label()));
        labels.AddRange(Enum.GetValues<Trend>().Select(t => t.Label()));
        labels.AddRange(Enum.GetValues<RoundStatus>().Select(Round.Label));
        labels.AddRange(Enum.GetValues<ScorecardStatus>().Select(s => Scorecard.Label(s)));
        labels.AddRange(Roles.All.Select(Roles.Label));
        labels.AddRange(Enum.GetValues<NoticeKind>().Select(k => NoticeKinds.Label(k)));
        labels.AddRange(Enum.GetValues<Delivery>().Select(d => NoticeKinds.Label(d)));
        labels.AddRange(Enum.GetValues<ActivityKind>().Select(Activity.Label));
        labels.AddRange(Enum.GetValues<DatePrecision>().Select(ActivityDates.Label));
        labels.AddRange(Enum.GetValues<MeetingKind>().Select(Meeting.Label));
        labels.AddRange(Enum.GetValues<DecisionStatus>().Select(Decision.Label));
        labels.AddRange(Enum.GetValues<WorkPlanItemStatus>().Select(WorkPlanItem.Label));
        labels.AddRange(Enum.GetValues<SecondmentStatus>().Select(Secondment.Label));
        labels.AddRange(Enum.GetValues<ProposalKind>().Select(MembershipProposal.Label));
        labels.AddRange(Enum.GetValues<ProposalStatus>().Select(MembershipProposal.Label));
        labels.AddRange(Enum.GetValues<MemberKind>().Select(global::Scorecards.Web.Features.Admin.MemberForm.KindLabel));
        labels.AddRange(global::Scorecards.Web.Features.Audit.AuditLabels.Kinds.Values);
        labels.AddRange(global::Scorecards.Web.Features.Audit.AuditLabels.Fields.Values);

        var missing = labels.Distinct().Where(l => !Indonesian.Value.ContainsKey(l)).ToList();

        Assert.True(missing.Count == 0, $"{missing.Count} labels have no Indonesian entry:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EachEntry_KeepsItsPlaceholdersAndMarkup_AndAddsNothingThatWouldBreakAPage()
    {
        var problems = new List<string>();
        foreach (var (english, indonesian) in Indonesian.Value)
        {
            if (string.IsNullOrWhiteSpace(indonesian))
            {
                problems.Add($"empty: {english}");
            }

            if (!Placeholders(english).SetEquals(Placeholders(indonesian)))
            {
                problems.Add($"placeholders differ: {english} → {indonesian}");
            }

            // Entries are written into pages as they are: markup only where the English has the same, and no straight quote
            // the English lacks (an entry may stand in an attribute).
            foreach (var c in new[] { '<', '>', '&' })
            {
                if (indonesian.Count(x => x == c) != english.Count(x => x == c))
                {
                    problems.Add($"'{c}' differs: {english} → {indonesian}");
                }
            }

            if (indonesian.Count(x => x == '"') > english.Count(x => x == '"'))
            {
                problems.Add($"a straight quote the English lacks: {english} → {indonesian}");
            }

            if (string.Format(CultureInfo.InvariantCulture, indonesian, Enumerable.Range(0, 10).Select(i => (object)i).ToArray()) is null)
            {
                problems.Add($"not a format: {indonesian}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void NoTwoEntries_DifferOnlyInCase()
    {
        // Resource files are compiled with names compared without case: the second of two such entries would be lost.
        var clashes = Indonesian.Value.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();

        Assert.Empty(clashes);
    }

    [Fact]
    public void EveryPage_WritesItsWordsThroughTheLocalizer()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "Scorecards.Web", "Features"), "*.cshtml", SearchOption.AllDirectories);
        var untranslated = new List<string>();
        foreach (var page in pages)
        {
            var lines = PageText.Lines(File.ReadAllText(page));
            for (var i = 0; i < lines.Count; i++)
            {
                foreach (var words in PageText.Untranslated(lines[i]))
                {
                    untranslated.Add($"{Path.GetRelativePath(Repository.Root, page)}:{i + 1}: {words}");
                }
            }
        }

        Assert.True(untranslated.Count == 0, $"{untranslated.Count} texts are written without the localizer (T[\"…\"]):\n" + string.Join("\n", untranslated));
    }

    [Fact]
    public void TheCheckOfThePages_FindsWordsOutsideTheLocalizer()
    {
        Assert.Equal(["Save"], PageText.Untranslated("<button class=\"button\" type=\"submit\">Save</button>"));
        Assert.Equal(["of"], PageText.Untranslated("<td>@s.Rated of @s.Entries</td>"));
        Assert.Equal(["aria-label=Close"], PageText.Untranslated("<a aria-label=\"Close\" href=\"/\">@T[\"Back\"]</a>"));
        Assert.Empty(PageText.Untranslated("<p>@T[\"A <em>worked</em> example of {0}\", Model.Name] @(x ? \"a\" : \"b\")</p>"));
        Assert.Empty(PageText.Untranslated("@foreach (var b in Model.Bodies) { <option value=\"@b\">@b.Name</option> }"));
    }

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    // T["…"] and S["…"] in pages, t["…"] and localizer["…"] in code: a literal English text asked for.
    [GeneratedRegex(@"\b(?:T|S|t|Text)\[""(?<text>(?:[^""\\]|\\.)+)""")]
    private static partial Regex Asked();
}
