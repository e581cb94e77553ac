using Scorecards.Web.Infrastructure.Spreadsheets;

namespace Scorecards.Web.Features.Shared;

/// <summary>
/// One reason a row cannot be imported; row 0 is the file as a whole. <c>Record</c> names the row as its reader knows it, where
/// the file has such a name: an objective's code, an account's e-mail.
/// </summary>
public sealed record ImportRejection(int Row, string Column, string Reason, string? Record = null);

/// <summary>What an import would do, or did: counts, and every rejected row with its column and reason.</summary>
public sealed record ImportPreview(string FileName, int Rows, int Created, int Updated, int Unchanged, int Rejected,
    IReadOnlyList<ImportRejection> Rejections, bool Applied)
{
    public bool CanApply => Rejections.Count == 0 && Created + Updated > 0;

    /// <summary>The API's answer to an import that was to be applied: the counts, or 422 with every rejected row when nothing was changed.</summary>
    public IResult Answer() => Applied || Rejections.Count == 0
        ? TypedResults.Ok(this)
        : Infrastructure.ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "import.rejected",
            $"{Rejected} row(s) of the file cannot be imported; nothing was changed.", new Dictionary<string, object?> { ["preview"] = this });
}

/// <summary>The header row of an imported file, read the same way for every kind of file.</summary>
public static class SheetColumns
{
    /// <summary>
    /// Each column's index by its canonical heading. Headings match as people write them (case, spaces and punctuation do not
    /// count); an unknown or repeated heading, and a required column that is missing, is a rejection on row 1.
    /// </summary>
    public static Dictionary<string, int> Map(IReadOnlyList<string> header, IReadOnlyList<string> columns, IReadOnlyList<string> required, string file,
        string record, List<ImportRejection> rejections)
    {
        var found = new Dictionary<string, int>();
        for (var i = 0; i < header.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(header[i]))
            {
                continue;
            }

            var canonical = columns.FirstOrDefault(c => Normalise(c) == Normalise(header[i]));
            if (canonical is null)
            {
                rejections.Add(new ImportRejection(1, header[i], $"'{header[i]}' is not a column of the {file}; the columns are: {string.Join(", ", columns)}."));
            }
            else if (!found.TryAdd(canonical, i))
            {
                rejections.Add(new ImportRejection(1, header[i], $"The column '{canonical}' appears twice."));
            }
        }

        foreach (var missing in required.Where(r => !found.ContainsKey(r)))
        {
            rejections.Add(new ImportRejection(1, missing, $"The file has no '{missing}' column, which every {record} needs."));
        }

        return found;
    }

    /// <summary>
    /// An uploaded file's rows with content and its columns by heading, read the same way for every import; null, with the
    /// reason among the rejections, when the file is too large or unreadable, its header names an unknown column or lacks a
    /// required one, or no row is under it. <paramref name="file"/>, <paramref name="record"/> and <paramref name="records"/>
    /// name what it holds: "members file", "member", "members".
    /// </summary>
    public static (List<SheetRow> Rows, Dictionary<string, int> Columns)? Read(string fileName, byte[] content, int maxBytes, SheetLimits limits,
        IEnumerable<string> headings, IReadOnlyList<string> required, string file, string record, string records, List<ImportRejection> rejections)
    {
        if (content.Length > maxBytes)
        {
            rejections.Add(new ImportRejection(0, "", $"The file is {Size(content.Length)}; at most {Size(maxBytes)} of {records} can be imported at once."));
            return null;
        }

        var (sheet, error) = UploadedSheet.Read(fileName, content, limits);
        if (sheet is null)
        {
            rejections.Add(new ImportRejection(0, "", error!));
            return null;
        }

        var found = Map(sheet.Header, headings.ToList(), required, file, record, rejections);
        var rows = sheet.Rows.Where(r => !r.IsBlank).ToList();
        if (rejections.Count == 0 && rows.Count == 0)
        {
            rejections.Add(new ImportRejection(0, "", $"The file has a header row but no {records} under it."));
        }

        return rejections.Count == 0 ? (rows, found) : null;
    }

    /// <summary>The values of a cell that holds several, separated by semicolons: "Indonesia; Australia". A comma belongs to a name.</summary>
    public static List<string> Parts(string cell) =>
        cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024 / 1024.0:0.#} MB" : $"{bytes / 1024} KB";

    /// <summary>A heading or word as people write it, for matching: letters and digits only, lower case.</summary>
    public static string Normalise(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}

/// <summary>Names of a domain's enums as requests and files write them.</summary>
public static class EnumFields
{
    /// <summary>
    /// The value a name stands for, ignoring case and spaces ("Under discussion", "underdiscussion"); null when empty; an unknown
    /// name (or a number) is an error on the field naming the values there are.
    /// </summary>
    public static T? Parse<T>(string? text, string field, List<Domain.Scorecards.FieldError> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!int.TryParse(text, out _) && Enum.TryParse<T>(text.Replace(" ", "", StringComparison.Ordinal), ignoreCase: true, out var value) && Enum.IsDefined(value))
        {
            return value;
        }

        errors.Add(new Domain.Scorecards.FieldError(field, $"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}."));
        return null;
    }
}
