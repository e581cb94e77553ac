using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using static Scorecards.Web.Infrastructure.Spreadsheets.UploadedSheet;

namespace Scorecards.Web.Infrastructure.Spreadsheets;

/// <summary>
/// Reads one sheet of an XLSX workbook as a stream of XML, never as a document tree: the archive is measured before it
/// is opened, no part may declare a DTD, and every cell, the shared strings and the sheet as a whole are held to
/// <see cref="SheetLimits"/> while they are read, so a small file cannot grow into gigabytes.
/// </summary>
internal static class XlsxSheet
{
    private static readonly XmlReaderSettings Xml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public static (UploadedSheet?, string?) Read(byte[] content, SheetLimits limits, string? sheetName)
    {
        CheckArchive(content, limits);
        using var document = SpreadsheetDocument.Open(new MemoryStream(content), isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("it has no workbook part.");
        var sheets = Sheets(workbook);
        var chosen = sheetName is null ? sheets.FirstOrDefault() : sheets.Find(s => s.Name == sheetName);
        if (chosen.Id is null)
        {
            return (null, sheetName is null ? "The workbook has no sheets." : $"The workbook has no sheet named '{sheetName}'.");
        }

        if (workbook.GetPartById(chosen.Id) is not WorksheetPart part)
        {
            return (null, $"The sheet '{chosen.Name}' is not a worksheet (is it a chart?).");
        }

        var shared = workbook.SharedStringTablePart is { } table ? SharedStrings(table, limits) : [];
        return Rows(part, shared, limits);
    }

    private static List<(string Name, string? Id)> Sheets(WorkbookPart workbook)
    {
        var sheets = new List<(string, string?)>();
        using var reader = XmlReader.Create(workbook.GetStream(FileMode.Open, FileAccess.Read), Xml);
        while (reader.Read())
        {
            if (reader is { NodeType: XmlNodeType.Element, LocalName: "sheet" })
            {
                sheets.Add((reader.GetAttribute("name") ?? "", RelationshipId(reader)));
            }
        }

        return sheets;
    }

    // r:id in transitional workbooks, the same local name in strict ones.
    private static string? RelationshipId(XmlReader reader)
    {
        for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
        {
            if (reader.LocalName == "id" && reader.NamespaceURI.Contains("relationships", StringComparison.Ordinal))
            {
                var id = reader.Value;
                reader.MoveToElement();
                return id;
            }
        }

        reader.MoveToElement();
        return null;
    }

    private static List<string> SharedStrings(SharedStringTablePart part, SheetLimits limits)
    {
        var strings = new List<string>();
        var total = 0L;
        using var reader = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), Xml);
        while (reader.Read())
        {
            if (reader is not { NodeType: XmlNodeType.Element, LocalName: "si" })
            {
                continue;
            }

            if (strings.Count >= limits.MaxSharedStrings)
            {
                throw new SheetLimitException($"The workbook's shared string table holds more than {limits.MaxSharedStrings:N0} entries, the most this product reads.");
            }

            var text = Text(reader, limits.MaxCellLength, () => $"Text number {strings.Count + 1:N0} of the workbook");
            total += text.Length;
            if (total > limits.MaxTotalChars)
            {
                throw new SheetLimitException($"The workbook's shared strings hold more than {limits.MaxTotalChars:N0} characters, the most this product reads.");
            }

            strings.Add(text);
        }

        return strings;
    }

    private static (UploadedSheet?, string?) Rows(WorksheetPart part, List<string> shared, SheetLimits limits)
    {
        IReadOnlyList<string>? header = null;
        var rows = new List<SheetRow>();
        var total = 0L;
        var previous = 0;
        using var reader = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), Xml);
        while (reader.Read())
        {
            if (reader is not { NodeType: XmlNodeType.Element, LocalName: "row" })
            {
                continue;
            }

            var number = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : previous + 1;
            previous = number;
            var cells = new List<string>();
            if (!reader.IsEmptyElement)
            {
                using var row = reader.ReadSubtree();
                while (row.Read())
                {
                    if (row is not { NodeType: XmlNodeType.Element, LocalName: "c" })
                    {
                        continue;
                    }

                    var reference = row.GetAttribute("r");
                    // A reference without a column letter ("12") is read as the next column, as a missing one is.
                    var column = reference is null || ColumnIndex(reference) < 0 ? cells.Count : ColumnIndex(reference);
                    var name = reference ?? $"{ColumnName(column)}{number}";
                    var value = Cell(row, shared, limits, name);
                    if (value.Length == 0)
                    {
                        continue;
                    }

                    if (column >= limits.MaxColumns)
                    {
                        throw new SheetLimitException($"Cell {name} holds a value, but this file's columns end at {ColumnName(limits.MaxColumns - 1)}. "
                            + "Remove what is beyond them and upload the file again.");
                    }

                    total += value.Length;
                    if (total > limits.MaxTotalChars)
                    {
                        throw new SheetLimitException($"The sheet holds more than {limits.MaxTotalChars:N0} characters by row {number:N0}; split it into smaller files.");
                    }

                    while (cells.Count < column)
                    {
                        cells.Add("");
                    }

                    if (column < cells.Count)
                    {
                        cells[column] = value;
                    }
                    else
                    {
                        cells.Add(value);
                    }
                }
            }

            if (header is null)
            {
                header = cells;
                continue;
            }

            if (cells.Count == 0)
            {
                continue;
            }

            if (rows.Count >= limits.MaxRows)
            {
                return (null, $"The file has more than {limits.MaxRows:N0} rows; split it into smaller files.");
            }

            rows.Add(new SheetRow(number, cells));
        }

        return Finish(header, rows);
    }

    private static string Cell(XmlReader cell, List<string> shared, SheetLimits limits, string name)
    {
        var type = cell.GetAttribute("t");
        var value = Text(cell, limits.MaxCellLength, () => $"Cell {name}");
        return type switch
        {
            "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : "",
            "b" => value == "1" ? "TRUE" : "FALSE",
            _ => value,
        };
    }

    /// <summary>
    /// The text of the element the reader is on: its values and text runs, without phonetic guides or formulas, read in
    /// chunks and refused as soon as it is longer than <paramref name="max"/>.
    /// </summary>
    private static string Text(XmlReader reader, int max, Func<string> where)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var text = new StringBuilder();
        var chunk = new char[4096];
        using var subtree = reader.ReadSubtree();
        var skipDepth = -1;
        var inText = false;
        while (subtree.Read())
        {
            switch (subtree.NodeType)
            {
                case XmlNodeType.Element when skipDepth < 0 && subtree.LocalName is "rPh" or "f" && !subtree.IsEmptyElement:
                    skipDepth = subtree.Depth;
                    break;
                case XmlNodeType.Element when skipDepth < 0:
                    inText = subtree.LocalName is "t" or "v" && !subtree.IsEmptyElement;
                    break;
                case XmlNodeType.EndElement when subtree.Depth == skipDepth:
                    skipDepth = -1;
                    break;
                case XmlNodeType.EndElement:
                    inText = false;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when inText && skipDepth < 0:
                    int read;
                    while ((read = subtree.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        text.Append(chunk, 0, read);
                        if (text.Length > max)
                        {
                            throw new SheetLimitException($"{where()} holds more than {max:N0} characters, the longest any field of this file takes.");
                        }
                    }

                    break;
            }
        }

        return text.ToString();
    }
}
