using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Scorecards.Web.Infrastructure.Spreadsheets;

/// <summary>
/// A table to export: column headings with widths, and rows of text, numbers and dates. <c>Lists</c> gives, for a
/// column (by index), the values a drop-down offers; Excel refuses anything else there.
/// </summary>
public sealed record SheetTable(string Name, IReadOnlyList<(string Heading, int Width)> Columns, IEnumerable<IReadOnlyList<object?>> Rows,
    IReadOnlyDictionary<int, IReadOnlyList<string>>? Lists = null);

/// <summary>Writes tables as CSV (UTF-8 with BOM, so Excel reads accents) or as an XLSX workbook, row by row.</summary>
public static class SheetWriter
{
    private const uint DateStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint WrapStyle = 3;

    /// <summary>The export format a request asks for: "csv" (also when it names none) or "xlsx"; null for anything else.</summary>
    public static string? Format(string? format) => format?.ToLowerInvariant() switch
    {
        null or "csv" => "csv",
        "xlsx" => "xlsx",
        _ => null,
    };

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult UnknownFormat(string? format) =>
        ApiProblems.Problem(StatusCodes.Status400BadRequest, "validation", $"'{format}' is not an export format; use csv or xlsx.");

    /// <summary>Writes one table as "csv" or "xlsx".</summary>
    public static Task WriteAsync(SheetTable table, string format, Stream output, CancellationToken ct) =>
        format == "xlsx" ? WriteXlsxAsync([table], output, ct) : WriteCsvAsync(table, output, ct);

    /// <summary>Sends one table as a download named <paramref name="baseName"/>.csv or .xlsx.</summary>
    public static Task SendAsync(HttpResponse response, SheetTable table, string format, string baseName, CancellationToken ct)
    {
        response.ContentType = format == "xlsx" ? UploadedSheet.XlsxType : UploadedSheet.CsvType + "; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{baseName}.{format}\"";
        return WriteAsync(table, format, response.Body, ct);
    }

    public static async Task WriteCsvAsync(SheetTable sheet, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true);
        // Cells that start like a formula are escaped so a spreadsheet does not run them.
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        foreach (var (heading, _) in sheet.Columns)
        {
            csv.WriteField(heading);
        }

        await csv.NextRecordAsync();
        foreach (var row in sheet.Rows)
        {
            foreach (var value in row)
            {
                csv.WriteField(value switch
                {
                    null => "",
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                });
            }

            await csv.NextRecordAsync();
            ct.ThrowIfCancellationRequested();
        }

        await csv.FlushAsync();
    }

    /// <summary>Writes a workbook with one sheet per table, row by row.</summary>
    public static Task WriteXlsxAsync(IReadOnlyList<SheetTable> sheets, Stream output, CancellationToken ct) =>
        PackageOutput.WriteAsync(stream => WriteXlsx(sheets, stream), output, ct);

    private static void WriteXlsx(IReadOnlyList<SheetTable> sheets, Stream stream)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles();
        var sheetList = workbook.Workbook.AppendChild(new Sheets());
        for (var i = 0; i < sheets.Count; i++)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            WriteSheet(part, sheets[i]);
            sheetList.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = SheetName(sheets[i].Name) });
        }

        workbook.Workbook.Save();
    }

    private static void WriteSheet(WorksheetPart part, SheetTable sheet)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());

        // The heading row stays in view while scrolling.
        writer.WriteStartElement(new SheetViews());
        writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
        writer.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        writer.WriteEndElement();
        writer.WriteEndElement();

        writer.WriteStartElement(new Columns());
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            writer.WriteElement(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = sheet.Columns[i].Width, CustomWidth = true });
        }

        writer.WriteEndElement();

        writer.WriteStartElement(new SheetData());
        var rowNumber = 1u;
        WriteRow(writer, rowNumber, sheet.Columns.Select(c => (object?)c.Heading).ToList(), HeaderStyle);
        foreach (var row in sheet.Rows)
        {
            WriteRow(writer, ++rowNumber, row, null);
        }

        writer.WriteEndElement();
        if (rowNumber > 1)
        {
            writer.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(sheet.Columns.Count - 1)}{rowNumber}" });
        }

        if (sheet.Lists is { Count: > 0 } lists)
        {
            // Drop-downs on the data rows, and a little room below them for rows a person adds.
            var last = Math.Max(rowNumber, 2) + 200;
            writer.WriteElement(new DataValidations(lists.Select(l => new DataValidation(new Formula1($"\"{string.Join(",", l.Value)}\""))
            {
                Type = DataValidationValues.List,
                AllowBlank = true,
                ShowErrorMessage = true,
                ErrorTitle = sheet.Columns[l.Key].Heading,
                Error = $"Choose one of: {string.Join(", ", l.Value)}.",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{ColumnName(l.Key)}2:{ColumnName(l.Key)}{last}" },
            }))
            { Count = (uint)lists.Count });
        }

        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, uint number, IReadOnlyList<object?> values, uint? style)
    {
        writer.WriteStartElement(new Row { RowIndex = number });
        for (var i = 0; i < values.Count; i++)
        {
            var reference = ColumnName(i) + number.ToString(CultureInfo.InvariantCulture);
            switch (values[i])
            {
                case null:
                    break;
                case DateOnly date:
                    writer.WriteElement(new Cell
                    {
                        CellReference = reference,
                        StyleIndex = DateStyle,
                        CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
                    });
                    break;
                case int or long or decimal or double:
                    writer.WriteElement(new Cell
                    {
                        CellReference = reference,
                        DataType = CellValues.Number,
                        CellValue = new CellValue(((IFormattable)values[i]!).ToString(null, CultureInfo.InvariantCulture)),
                    });
                    break;
                default:
                    var text = values[i]!.ToString() ?? "";
                    writer.WriteElement(new Cell
                    {
                        CellReference = reference,
                        DataType = CellValues.InlineString,
                        StyleIndex = style ?? (text.Contains('\n', StringComparison.Ordinal) ? WrapStyle : null),
                        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
                    });
                    break;
            }
        }

        writer.WriteEndElement();
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true })
        { Count = 4 });

    /// <summary>0 → A, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    // Excel allows 31 characters and none of : \ / ? * [ ].
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim();
        return clean.Length > 31 ? clean[..31] : clean.Length == 0 ? "Sheet" : clean;
    }
}
