using System.Text;
using static Scorecards.Web.Infrastructure.Spreadsheets.UploadedSheet;

namespace Scorecards.Web.Infrastructure.Spreadsheets;

/// <summary>
/// Reads a CSV file (RFC 4180 quoting; comma, semicolon or tab, chosen from the header line) within
/// <see cref="SheetLimits"/>: every field's length and every row's width are checked as the field is read, so no line
/// can hold the server's memory. The text must pass <see cref="TextFiles.Decode"/> first.
/// </summary>
internal static class CsvSheet
{
    /// <summary>What an export puts before a value that a spreadsheet would take for a formula.</summary>
    private const char FormulaGuard = '\'';

    public static (UploadedSheet?, string?) Read(byte[] content, SheetLimits limits)
    {
        var (text, error) = TextFiles.Decode(content);
        if (text is null)
        {
            return (null, error);
        }

        var delimiter = Delimiter(text);
        IReadOnlyList<string>? header = null;
        var rows = new List<SheetRow>();
        var position = 0;
        var line = 1;
        while (position < text.Length)
        {
            var number = line;
            var fields = ReadRecord(text, ref position, ref line, delimiter, limits, header);
            if (header is null)
            {
                header = fields;
                continue;
            }

            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (rows.Count >= limits.MaxRows)
            {
                return (null, $"The file has more than {limits.MaxRows:N0} rows; split it into smaller files.");
            }

            rows.Add(new SheetRow(number, fields));
        }

        return Finish(header, rows);
    }

    // The header line's most frequent separator outside quotes; a comma when it has none.
    private static char Delimiter(string text)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted)
            {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }

        return semicolons > commas && semicolons >= tabs ? ';' : tabs > commas ? '\t' : ',';
    }

    private static List<string> ReadRecord(string text, ref int position, ref int line, char delimiter, SheetLimits limits, IReadOnlyList<string>? header)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var recordLine = line;
        while (true)
        {
            var quoted = position < text.Length && text[position] == '"';
            if (quoted)
            {
                position++;
            }

            var ended = false;
            while (position < text.Length)
            {
                var c = text[position];
                if (quoted)
                {
                    if (c == '"' && position + 1 < text.Length && text[position + 1] == '"')
                    {
                        field.Append('"');
                        position += 2;
                        continue;
                    }

                    if (c == '"')
                    {
                        quoted = false;
                        position++;
                        continue;
                    }

                    if (c == '\n')
                    {
                        line++;
                    }
                }
                else if (c == delimiter)
                {
                    position++;
                    break;
                }
                else if (c is '\r' or '\n')
                {
                    position += c == '\r' && position + 1 < text.Length && text[position + 1] == '\n' ? 2 : 1;
                    line++;
                    ended = true;
                    break;
                }

                field.Append(c);
                position++;
                if (field.Length > limits.MaxCellLength)
                {
                    throw new SheetLimitException($"{Where(recordLine, fields.Count, header)} holds more than {limits.MaxCellLength:N0} characters, "
                        + "the longest any field of this file takes.");
                }
            }

            if (quoted)
            {
                throw new SheetLimitException($"{Where(recordLine, fields.Count, header)} opens a quotation mark that is never closed.");
            }

            ended |= position >= text.Length;
            var value = Unguard(field.ToString());
            field.Clear();
            if (fields.Count >= limits.MaxColumns)
            {
                // Empty fields past the last column (a row of commas) are nothing; a value there is refused.
                if (value.Length > 0)
                {
                    throw new SheetLimitException($"{Where(recordLine, fields.Count, header)} holds a value, but this file's columns end at "
                        + $"column {limits.MaxColumns}. Remove what is beyond them and upload the file again.");
                }
            }
            else
            {
                fields.Add(value);
            }

            if (ended)
            {
                return fields;
            }
        }
    }

    // An export writes '=SUM… as the text =SUM…; reading it back gives the text it was.
    private static string Unguard(string value) =>
        value.Length > 1 && value[0] == FormulaGuard && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;

    private static string Where(int line, int column, IReadOnlyList<string>? header) =>
        header is not null && column < header.Count && header[column].Trim() is { Length: > 0 } name
            ? $"Line {line}, column {column + 1} ('{name}'),"
            : $"Line {line}, column {column + 1},";
}
