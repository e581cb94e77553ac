using System.Globalization;
using System.IO.Compression;

namespace Scorecards.Web.Infrastructure.Spreadsheets;

/// <summary>One row of an uploaded sheet: its number as the spreadsheet shows it (the header is row 1) and its cells.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells)
{
    public string this[int column] => column < Cells.Count ? Cells[column] : "";

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// What an uploaded sheet may hold. A file that passes any of them is refused with a message that names the limit and
/// where it was passed, before the file's contents are held in memory.
/// </summary>
/// <param name="MaxRows">Rows under the header that hold anything.</param>
/// <param name="MaxCellLength">Characters in one cell: the longest field the file's template has.</param>
/// <param name="MaxColumns">Columns that may hold a value; the templates use far fewer.</param>
public sealed record SheetLimits(int MaxRows, int MaxCellLength, int MaxColumns = 64)
{
    /// <summary>Bytes of a workbook once unzipped, all parts together.</summary>
    public long MaxUnzippedBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Bytes of one workbook part other than worksheets and the shared strings (styles, relationships, the workbook).</summary>
    public long MaxOtherPartBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>Files inside a workbook.</summary>
    public int MaxParts { get; init; } = 500;

    /// <summary>Entries in a workbook's shared string table.</summary>
    public int MaxSharedStrings { get; init; } = 250_000;

    /// <summary>Characters of text in the whole sheet (and, separately, in the shared string table).</summary>
    public long MaxTotalChars { get; init; } = 16L * 1024 * 1024;
}

/// <summary>The header and rows of the first sheet of a CSV or XLSX file, all cells as text.</summary>
public sealed record UploadedSheet(IReadOnlyList<string> Header, IReadOnlyList<SheetRow> Rows)
{
    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Reads a CSV (comma, semicolon or tab separated; UTF-8, or UTF-16 with a byte order mark) or XLSX file (the sheet
    /// named, or the first), within <paramref name="limits"/>; the error says why a file cannot be read.
    /// </summary>
    public static (UploadedSheet? Sheet, string? Error) Read(string fileName, byte[] content, SheetLimits limits, string? sheetName = null)
    {
        if (content.Length == 0)
        {
            return (null, "The file is empty.");
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".csv" or ".txt" => CsvSheet.Read(content, limits),
                ".xlsx" => XlsxSheet.Read(content, limits, sheetName),
                _ => (null, $"'{fileName}' is neither a .csv nor an .xlsx file."),
            };
        }
        catch (SheetLimitException e)
        {
            return (null, e.Message);
        }
        catch (Exception e) when (extension == ".xlsx" && e is InvalidDataException or IOException or FileFormatException
            or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidOperationException or FormatException
            or System.Xml.XmlException or NotSupportedException)
        {
            return (null, $"'{fileName}' is not an Excel workbook that can be read (.xlsx): {e.Message}");
        }
    }

    /// <summary>Ends reading as soon as a file passes a limit; the message is the one the person sees.</summary>
    internal sealed class SheetLimitException(string message) : Exception(message);

    /// <summary>The header and the rows that hold anything, with trailing blank rows dropped.</summary>
    internal static (UploadedSheet?, string?) Finish(IReadOnlyList<string>? header, List<SheetRow> rows)
    {
        if (header is null || header.All(string.IsNullOrWhiteSpace))
        {
            return (null, "The file has no header row: its first row must name the columns.");
        }

        // Trailing blank rows are how spreadsheets end, not data.
        while (rows.Count > 0 && rows[^1].IsBlank)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return (new UploadedSheet(header.Select(h => h.Trim()).ToList(), rows), null);
    }

    /// <summary>Checks that a zip archive stays within the limits by inflating each entry into nothing, before anything reads it.</summary>
    internal static void CheckArchive(byte[] content, SheetLimits limits)
    {
        using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
        if (zip.Entries.Count > limits.MaxParts)
        {
            throw new SheetLimitException($"The workbook holds {zip.Entries.Count:N0} files inside; a workbook this product reads holds at most {limits.MaxParts:N0}.");
        }

        var total = 0L;
        var buffer = new byte[81920];
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName.TrimStart('/');
            var isData = name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)
                || name.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase);
            var partLimit = isData ? long.MaxValue : limits.MaxOtherPartBytes;
            var size = 0L;
            using var stream = entry.Open();
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                size += read;
                total += read;
                if (size > partLimit)
                {
                    throw new SheetLimitException($"The part '{name}' of the workbook unzips to more than {RequestBodies.Size(partLimit)}; "
                        + "this is not a workbook made from the template.");
                }

                if (total > limits.MaxUnzippedBytes)
                {
                    throw new SheetLimitException($"The workbook unzips to more than {RequestBodies.Size(limits.MaxUnzippedBytes)}, the most this product reads. "
                        + "Remove unused sheets and pictures, or split the rows into smaller files.");
                }
            }
        }
    }

    /// <summary>"C12" → 2.</summary>
    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > 16_384)
            {
                break;
            }
        }

        return index - 1;
    }

    /// <summary>0 → "A", 63 → "BL".</summary>
    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Reads a date the way people and spreadsheets write one: 2024-07-16, or Excel's serial day number.</summary>
    public static DateOnly? ParseDate(string text)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "d MMMM yyyy", "d MMM yyyy"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var dateTime))
        {
            return DateOnly.FromDateTime(dateTime);
        }

        // Excel keeps dates as days since 1899-12-30; 1 to 2958465 covers 1900 to 9999.
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466
            ? DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)))
            : null;
    }
}
