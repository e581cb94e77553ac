using System.Globalization;
using Scorecards.Domain.Activities;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure.Spreadsheets;

namespace Scorecards.Web.Features.Activities;

/// <summary>
/// The columns of an activities file, shared by export and import so that an exported file can be edited and
/// imported again. Lists in a cell are separated by semicolons; links by new lines or spaces.
/// </summary>
public static class ActivitySheet
{
    public const string Id = "Id";
    public const string Title = "Title";
    public const string Kind = "Kind";
    public const string StartDate = "Start date";
    public const string EndDate = "End date";
    public const string DatePrecision = "Date precision";
    public const string City = "City";
    public const string Member = "Member";
    public const string LeadBody = "Lead body";
    public const string PartnerMembers = "Partner members";
    public const string PartnerOrganisations = "Partner organisations";
    public const string Objectives = "Objectives";
    public const string Outputs = "Outputs";
    public const string Participants = "Participants";
    public const string Links = "Links";
    public const string Status = "Status";

    public static readonly IReadOnlyList<(string Heading, int Width, string Help)> Columns =
    [
        (Id, 8, "Empty for a new activity; the register's number to change one (an exported file has it)."),
        (Title, 48, "Required."),
        (Kind, 16, "Required: " + string.Join(", ", Enum.GetValues<ActivityKind>().Select(Activity.Label)) + "."),
        (StartDate, 12, "Required, as YYYY-MM-DD or an Excel date."),
        (EndDate, 12, "Empty for a one-day activity, a month, a quarter or a year; not before the start."),
        (DatePrecision, 12, "day, days, month, quarter, year or undated (known only to fall between the two dates); empty: one day, or several with an end date."),
        (City, 18, "Where it took place."),
        (Member, 18, "The member where it took place, named as the member list spells it."),
        (LeadBody, 10, "Required: the body's code, such as D-WG."),
        (PartnerMembers, 30, "Members, separated by semicolons."),
        (PartnerOrganisations, 30, "Free text."),
        (Objectives, 16, "Objective codes, separated by semicolons, such as LE-1; LE-2."),
        (Outputs, 40, "Free text."),
        (Participants, 12, "A whole number."),
        (Links, 40, "Web addresses, one per line."),
        (Status, 12, "planned, delivered (when empty) or cancelled."),
    ];

    /// <summary>The columns that every file must have.</summary>
    public static readonly IReadOnlyList<string> Required = [Title, Kind, StartDate, LeadBody];

    public static SheetTable ToTable(IEnumerable<ActivityDto> activities) => new("Activities",
        Columns.Select(c => (c.Heading, c.Width)).ToList(),
        activities.Select(a => (IReadOnlyList<object?>)
        [
            a.Id, a.Title, a.KindLabel, a.StartDate, a.EndDate, ActivityDates.Slug(a.DatePrecision), a.City, a.Member, a.LeadBody, string.Join("; ", a.PartnerMembers),
            a.PartnerOrganisations, string.Join("; ", a.Objectives), a.Outputs, a.Participants, string.Join('\n', a.Links),
            a.Status.ToString().ToLowerInvariant(),
        ]));

    /// <summary>A kind by its name or label, ignoring case, spaces and punctuation ("Tabletop exercise", "tabletop-exercise").</summary>
    public static ActivityKind? KindOf(string text)
    {
        var wanted = SheetColumns.Normalise(text);
        var match = Enum.GetValues<ActivityKind>().Where(k => SheetColumns.Normalise(k.ToString()) == wanted || SheetColumns.Normalise(Activity.Label(k)) == wanted).ToList();
        return match.Count == 1 ? match[0] : null;
    }

    internal static IReadOnlyList<string> SplitList(string cell) =>
        cell.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static IReadOnlyList<string> SplitLinks(string cell) =>
        cell.Split([' ', '\n', '\r', '\t', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static bool TryParseCount(string cell, out int? count)
    {
        count = null;
        if (string.IsNullOrWhiteSpace(cell))
        {
            return true;
        }

        // Spreadsheets hand whole numbers back as "120" or "120.0".
        if (decimal.TryParse(cell.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number)
            && number is >= int.MinValue and <= int.MaxValue)
        {
            count = (int)number;
            return true;
        }

        return false;
    }
}
