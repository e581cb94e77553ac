using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration;

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

    /// <summary>
    /// Writes a workbook with one sheet per table, row by row. The parts are written as Excel writes them (the SpreadsheetML
    /// namespace as the default one, no byte-order mark, relative relationship targets, the styles' base records), so that
    /// readers stricter than Excel and LibreOffice, such as exceljs, open it too.
    /// </summary>
    public static Task WriteXlsxAsync(IReadOnlyList<SheetTable> sheets, Stream output, CancellationToken ct) =>
        PackageOutput.WriteAsync(stream => WriteXlsx(sheets, stream), output, ct);

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly XmlWriterSettings PartSettings = new() { Encoding = new UTF8Encoding(false) };

    private static void WriteXlsx(IReadOnlyList<SheetTable> sheets, Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        Part(zip, "[Content_Types].xml", w =>
        {
            w.WriteStartElement("Types", "http://schemas.openxmlformats.org/package/2006/content-types");
            Default(w, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(w, "xml", "application/xml");
            Override(w, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            Override(w, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            for (var i = 1; i <= sheets.Count; i++)
            {
                Override(w, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            }

            w.WriteEndElement();
        });
        Part(zip, "_rels/.rels", w =>
        {
            w.WriteStartElement("Relationships", PackageRelationships);
            Relationship(w, "rId1", Relationships + "/officeDocument", "xl/workbook.xml");
            w.WriteEndElement();
        });
        Part(zip, "xl/workbook.xml", w =>
        {
            w.WriteStartElement("workbook", Main);
            w.WriteAttributeString("xmlns", "r", null, Relationships);
            w.WriteStartElement("bookViews");
            w.WriteStartElement("workbookView");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteStartElement("sheets");
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 1; i <= sheets.Count; i++)
            {
                w.WriteStartElement("sheet");
                w.WriteAttributeString("name", UniqueSheetName(sheets[i - 1].Name, names));
                w.WriteAttributeString("sheetId", Number(i));
                w.WriteAttributeString("id", Relationships, $"rId{i}");
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        });
        Part(zip, "xl/_rels/workbook.xml.rels", w =>
        {
            w.WriteStartElement("Relationships", PackageRelationships);
            for (var i = 1; i <= sheets.Count; i++)
            {
                Relationship(w, $"rId{i}", Relationships + "/worksheet", $"worksheets/sheet{i}.xml");
            }

            Relationship(w, $"rId{sheets.Count + 1}", Relationships + "/styles", "styles.xml");
            w.WriteEndElement();
        });
        Part(zip, "xl/styles.xml", WriteStyles);
        for (var i = 1; i <= sheets.Count; i++)
        {
            var sheet = sheets[i - 1];
            Part(zip, $"xl/worksheets/sheet{i}.xml", w => WriteSheet(w, sheet));
        }
    }

    private static void Part(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        var part = zip.CreateEntry(name, CompressionLevel.Fastest);
        // Dated alike, so the same sheets always make the same file.
        part.LastWriteTime = PackageOutput.Undated;
        using var entry = part.Open();
        using var writer = XmlWriter.Create(entry, PartSettings);
        writer.WriteStartDocument(standalone: true);
        write(writer);
        writer.WriteEndDocument();
    }

    private static void Default(XmlWriter w, string extension, string type)
    {
        w.WriteStartElement("Default");
        w.WriteAttributeString("Extension", extension);
        w.WriteAttributeString("ContentType", type);
        w.WriteEndElement();
    }

    private static void Override(XmlWriter w, string part, string type)
    {
        w.WriteStartElement("Override");
        w.WriteAttributeString("PartName", part);
        w.WriteAttributeString("ContentType", type);
        w.WriteEndElement();
    }

    private static void Relationship(XmlWriter w, string id, string type, string target)
    {
        w.WriteStartElement("Relationship");
        w.WriteAttributeString("Id", id);
        w.WriteAttributeString("Type", type);
        w.WriteAttributeString("Target", target);
        w.WriteEndElement();
    }

    private static void WriteSheet(XmlWriter w, SheetTable sheet)
    {
        w.WriteStartElement("worksheet", Main);
        w.WriteAttributeString("xmlns", "r", null, Relationships);

        // The heading row stays in view while scrolling.
        w.WriteStartElement("sheetViews");
        w.WriteStartElement("sheetView");
        w.WriteAttributeString("workbookViewId", "0");
        w.WriteStartElement("pane");
        w.WriteAttributeString("ySplit", "1");
        w.WriteAttributeString("topLeftCell", "A2");
        w.WriteAttributeString("activePane", "bottomLeft");
        w.WriteAttributeString("state", "frozen");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("cols");
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            w.WriteStartElement("col");
            w.WriteAttributeString("min", Number(i + 1));
            w.WriteAttributeString("max", Number(i + 1));
            w.WriteAttributeString("width", Number(sheet.Columns[i].Width));
            w.WriteAttributeString("customWidth", "1");
            w.WriteEndElement();
        }

        w.WriteEndElement();

        w.WriteStartElement("sheetData");
        var rowNumber = 1;
        WriteRow(w, rowNumber, sheet.Columns.Select(c => (object?)c.Heading).ToList(), HeaderStyle);
        foreach (var row in sheet.Rows)
        {
            WriteRow(w, ++rowNumber, row, null);
        }

        w.WriteEndElement();
        if (rowNumber > 1)
        {
            w.WriteStartElement("autoFilter");
            w.WriteAttributeString("ref", $"A1:{ColumnName(sheet.Columns.Count - 1)}{Number(rowNumber)}");
            w.WriteEndElement();
        }

        if (sheet.Lists is { Count: > 0 } lists)
        {
            // Drop-downs on the data rows, and a little room below them for rows a person adds.
            var last = Math.Max(rowNumber, 2) + 200;
            w.WriteStartElement("dataValidations");
            w.WriteAttributeString("count", Number(lists.Count));
            foreach (var (column, values) in lists)
            {
                w.WriteStartElement("dataValidation");
                w.WriteAttributeString("type", "list");
                w.WriteAttributeString("allowBlank", "1");
                w.WriteAttributeString("showErrorMessage", "1");
                w.WriteAttributeString("errorTitle", sheet.Columns[column].Heading);
                w.WriteAttributeString("error", $"Choose one of: {string.Join(", ", values)}.");
                w.WriteAttributeString("sqref", $"{ColumnName(column)}2:{ColumnName(column)}{Number(last)}");
                w.WriteElementString("formula1", $"\"{string.Join(",", values)}\"");
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteRow(XmlWriter w, int number, IReadOnlyList<object?> values, uint? style)
    {
        w.WriteStartElement("row");
        w.WriteAttributeString("r", Number(number));
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value)
            {
                continue;
            }

            w.WriteStartElement("c");
            w.WriteAttributeString("r", ColumnName(i) + Number(number));
            switch (value)
            {
                case DateOnly date:
                    w.WriteAttributeString("s", Number(DateStyle));
                    w.WriteElementString("v", date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture));
                    break;
                case int or long or decimal or double:
                    w.WriteElementString("v", ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                    break;
                default:
                    var text = XmlSafe(value.ToString() ?? "");
                    w.WriteAttributeString("t", "inlineStr");
                    if ((style ?? (text.Contains('\n', StringComparison.Ordinal) ? WrapStyle : null)) is { } s)
                    {
                        w.WriteAttributeString("s", Number(s));
                    }

                    w.WriteStartElement("is");
                    w.WriteStartElement("t");
                    w.WriteAttributeString("xml", "space", null, "preserve");
                    w.WriteString(text);
                    w.WriteEndElement();
                    w.WriteEndElement();
                    break;
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    // Formats: 0 plain, 1 a date, 2 a heading (bold), 3 wrapped text at the top of its cell.
    private static void WriteStyles(XmlWriter w)
    {
        w.WriteStartElement("styleSheet", Main);
        w.WriteStartElement("numFmts");
        w.WriteAttributeString("count", "1");
        w.WriteStartElement("numFmt");
        w.WriteAttributeString("numFmtId", "164");
        w.WriteAttributeString("formatCode", "yyyy-mm-dd");
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("fonts");
        w.WriteAttributeString("count", "2");
        foreach (var bold in new[] { false, true })
        {
            w.WriteStartElement("font");
            if (bold)
            {
                w.WriteElementString("b", "");
            }

            Value(w, "sz", "11");
            Value(w, "name", "Calibri");
            w.WriteEndElement();
        }

        w.WriteEndElement();

        w.WriteStartElement("fills");
        w.WriteAttributeString("count", "2");
        foreach (var pattern in new[] { "none", "gray125" })
        {
            w.WriteStartElement("fill");
            w.WriteStartElement("patternFill");
            w.WriteAttributeString("patternType", pattern);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();

        w.WriteStartElement("borders");
        w.WriteAttributeString("count", "1");
        w.WriteStartElement("border");
        foreach (var side in new[] { "left", "right", "top", "bottom", "diagonal" })
        {
            w.WriteElementString(side, "");
        }

        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("cellStyleXfs");
        w.WriteAttributeString("count", "1");
        Format(w, numberFormat: 0, font: 0, xf: false);
        w.WriteEndElement();

        w.WriteStartElement("cellXfs");
        w.WriteAttributeString("count", "4");
        Format(w, numberFormat: 0, font: 0);
        Format(w, numberFormat: 164, font: 0, apply: "applyNumberFormat");
        Format(w, numberFormat: 0, font: 1, apply: "applyFont");
        Format(w, numberFormat: 0, font: 0, apply: "applyAlignment", wrap: true);
        w.WriteEndElement();

        w.WriteStartElement("cellStyles");
        w.WriteAttributeString("count", "1");
        w.WriteStartElement("cellStyle");
        w.WriteAttributeString("name", "Normal");
        w.WriteAttributeString("xfId", "0");
        w.WriteAttributeString("builtinId", "0");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Format(XmlWriter w, int numberFormat, int font, string? apply = null, bool wrap = false, bool xf = true)
    {
        w.WriteStartElement("xf");
        w.WriteAttributeString("numFmtId", Number(numberFormat));
        w.WriteAttributeString("fontId", Number(font));
        w.WriteAttributeString("fillId", "0");
        w.WriteAttributeString("borderId", "0");
        if (xf)
        {
            w.WriteAttributeString("xfId", "0");
        }

        if (apply is not null)
        {
            w.WriteAttributeString(apply, "1");
        }

        if (wrap)
        {
            w.WriteStartElement("alignment");
            w.WriteAttributeString("wrapText", "1");
            w.WriteAttributeString("vertical", "top");
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void Value(XmlWriter w, string element, string value)
    {
        w.WriteStartElement(element);
        w.WriteAttributeString("val", value);
        w.WriteEndElement();
    }

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The text with each character XML cannot hold (control characters, a lone surrogate) replaced by U+FFFD.</summary>
    private static string XmlSafe(string text)
    {
        var i = 0;
        while (i < text.Length && XmlConvert.IsXmlChar(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i++, 2);
            }
            else
            {
                clean.Append('\uFFFD');
            }
        }

        return clean.ToString();
    }

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

    // Excel refuses two sheets of one name, whatever their case.
    private static string UniqueSheetName(string name, HashSet<string> taken)
    {
        var candidate = SheetName(name);
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            var stem = SheetName(name);
            candidate = (stem.Length + suffix.Length > 31 ? stem[..(31 - suffix.Length)] : stem) + suffix;
        }

        return candidate;
    }

    // Excel allows 31 characters and none of : \ / ? * [ ].
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim();
        return clean.Length > 31 ? clean[..31] : clean.Length == 0 ? "Sheet" : clean;
    }
}
