using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Scorecards.Web.Infrastructure.Spreadsheets;

/// <summary>One row of an uploaded sheet: its number as the spreadsheet shows it (the header is row 1) and its cells.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells)
{
    public string this[int column] => column < Cells.Count ? Cells[column] : "";

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>The header and rows of the first sheet of a CSV or XLSX file, all cells as text.</summary>
public sealed record UploadedSheet(IReadOnlyList<string> Header, IReadOnlyList<SheetRow> Rows)
{
    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Reads a CSV (comma, semicolon or tab separated, UTF-8) or XLSX file (the sheet named, or the first); the error says
    /// why a file cannot be read.
    /// </summary>
    public static (UploadedSheet? Sheet, string? Error) Read(string fileName, byte[] content, int maxRows, string? sheetName = null)
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
                ".csv" or ".txt" => ReadCsv(content, maxRows),
                ".xlsx" => ReadXlsx(content, maxRows, sheetName),
                _ => (null, $"'{fileName}' is neither a .csv nor an .xlsx file."),
            };
        }
        catch (Exception e) when (extension == ".xlsx" && e is OpenXmlPackageException or InvalidDataException or FileFormatException
            or IOException or InvalidOperationException or FormatException or System.Xml.XmlException)
        {
            return (null, $"'{fileName}' is not an Excel workbook that can be read (.xlsx): {e.Message}");
        }
    }

    private static (UploadedSheet?, string?) ReadCsv(byte[] content, int maxRows)
    {
        using var reader = new StreamReader(new MemoryStream(content), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            BadDataFound = null,
            IgnoreBlankLines = false,
        };
        using var parser = new CsvParser(reader, config);
        IReadOnlyList<string>? header = null;
        var rows = new List<SheetRow>();
        var number = 0;
        while (parser.Read())
        {
            number++;
            var record = parser.Record ?? [];
            if (header is null)
            {
                header = record;
                continue;
            }

            if (rows.Count >= maxRows)
            {
                return (null, $"The file has more than {maxRows:N0} rows; split it into smaller files.");
            }

            rows.Add(new SheetRow(number, record));
        }

        return Finish(header, rows);
    }

    private static (UploadedSheet?, string?) ReadXlsx(byte[] content, int maxRows, string? sheetName)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(content), isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("it has no workbook part.");
        var sheets = workbook.Workbook.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList() ?? [];
        var first = sheetName is null ? sheets.FirstOrDefault() : sheets.Find(s => s.Name?.Value == sheetName);
        if (first is null)
        {
            return (null, sheetName is null ? "The workbook has no sheets." : $"The workbook has no sheet named '{sheetName}'.");
        }

        var part = (WorksheetPart)workbook.GetPartById(first.Id!.Value!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];

        IReadOnlyList<string>? header = null;
        var rows = new List<SheetRow>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var number = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 2));
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                while (cells.Count < column)
                {
                    cells.Add("");
                }

                cells.Add(CellText(cell, shared));
            }

            if (header is null)
            {
                header = cells;
                continue;
            }

            if (rows.Count >= maxRows)
            {
                return (null, $"The file has more than {maxRows:N0} rows; split it into smaller files.");
            }

            rows.Add(new SheetRow(number, cells));
        }

        return Finish(header, rows);
    }

    private static (UploadedSheet?, string?) Finish(IReadOnlyList<string>? header, List<SheetRow> rows)
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

    private static string CellText(Cell cell, List<string> shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        var value = cell.CellValue?.Text ?? "";
        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < shared.Count
                ? shared[index]
                : "";
        }

        return type == CellValues.Boolean ? (value == "1" ? "TRUE" : "FALSE") : value;
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
        }

        return index - 1;
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
