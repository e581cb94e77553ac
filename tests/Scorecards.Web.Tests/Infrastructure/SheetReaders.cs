using System.Diagnostics;
using System.Text.Json;

namespace Scorecards.Web.Tests.Infrastructure;

/// <summary>One sheet as openpyxl reads it: its rows of cell text, its drop-down lists and its frozen pane.</summary>
public sealed record ReadSheet(IReadOnlyList<IReadOnlyList<string?>> Rows, IReadOnlyList<(string Range, string Formula)> Lists, string? Frozen);

/// <summary>
/// Opens workbooks with openpyxl (Debian's <c>python3-openpyxl</c>), a spreadsheet library that shares no code with the one
/// that wrote them, and edits them as a person's spreadsheet program would. The interpreter is SCORECARDS_TEST_OPENPYXL, or
/// /usr/bin/python3; where it lacks openpyxl the test skips, unless SCORECARDS_REQUIRE_SERVICES is set, when it fails.
/// </summary>
public static class Openpyxl
{
    private const string ReadScript = """
        import datetime, json, sys, openpyxl
        def text(v):
            if v is None: return None
            if isinstance(v, (datetime.datetime, datetime.date)): return v.strftime('%Y-%m-%d')
            if isinstance(v, float) and v.is_integer(): return str(int(v))
            return str(v)
        book = openpyxl.load_workbook(sys.argv[1])
        out = {}
        for sheet in book.worksheets:
            out[sheet.title] = {
                'rows': [[text(v) for v in row] for row in sheet.iter_rows(values_only=True)],
                'lists': [[str(d.sqref), d.formula1 or ''] for d in sheet.data_validations.dataValidation if d.type == 'list'],
                'frozen': sheet.freeze_panes,
            }
        print(json.dumps(out))
        """;

    // Sets cells by sheet and reference, such as ["Scorecard", "C3", "Complete"], and saves the workbook under a new name.
    private const string EditScript = """
        import json, sys, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        for sheet, cell, value in json.loads(sys.argv[3]):
            book[sheet][cell] = value
        book.save(sys.argv[2])
        """;

    private static string Python => Environment.GetEnvironmentVariable("SCORECARDS_TEST_OPENPYXL") ?? "/usr/bin/python3";

    /// <summary>True when openpyxl can be run here; otherwise the test is skipped (or failed where services are required).</summary>
    public static async Task<bool> AvailableAsync()
    {
        var (code, output) = await RunAsync(["-c", "import openpyxl"]);
        if (code == 0)
        {
            return true;
        }

        var why = $"openpyxl does not run with '{Python}' (apt-get install python3-openpyxl, or set SCORECARDS_TEST_OPENPYXL): {output.Trim()}";
        Assert.False(Environment.GetEnvironmentVariable("SCORECARDS_REQUIRE_SERVICES") == "1", why);
        global::Scorecards.Tests.Skipped.Because(why);
        return false;
    }

    /// <summary>Every sheet of the workbook by name, as openpyxl reads it.</summary>
    public static async Task<IReadOnlyDictionary<string, ReadSheet>> ReadAsync(byte[] workbook)
    {
        var path = Path.Combine(Path.GetTempPath(), $"scorecards-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, workbook, TestContext.Current.CancellationToken);
        try
        {
            var (code, output) = await RunAsync(["-c", ReadScript, path]);
            Assert.True(code == 0, $"openpyxl could not open the workbook: {output}");
            using var json = JsonDocument.Parse(output);
            return json.RootElement.EnumerateObject().ToDictionary(s => s.Name, s => new ReadSheet(
                s.Value.GetProperty("rows").EnumerateArray().Select(r => (IReadOnlyList<string?>)r.EnumerateArray().Select(c => c.GetString()).ToList()).ToList(),
                s.Value.GetProperty("lists").EnumerateArray().Select(l => (l[0].GetString()!, l[1].GetString()!)).ToList(),
                s.Value.GetProperty("frozen").GetString()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The workbook with cells changed and saved by openpyxl.</summary>
    public static async Task<byte[]> EditAsync(byte[] workbook, params (string Sheet, string Cell, string? Value)[] cells)
    {
        var input = Path.Combine(Path.GetTempPath(), $"scorecards-{Guid.NewGuid():N}.xlsx");
        var output = Path.ChangeExtension(input, ".edited.xlsx");
        await File.WriteAllBytesAsync(input, workbook, TestContext.Current.CancellationToken);
        try
        {
            var (code, text) = await RunAsync(["-c", EditScript, input, output, JsonSerializer.Serialize(cells.Select(c => new[] { c.Sheet, c.Cell, c.Value }))]);
            Assert.True(code == 0, $"openpyxl could not edit the workbook: {text}");
            return await File.ReadAllBytesAsync(output, TestContext.Current.CancellationToken);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    private static Task<(int Code, string Output)> RunAsync(IEnumerable<string> args) => SheetProcess.RunAsync(Python, args);
}

/// <summary>
/// Opens workbooks with exceljs from npm, the library a secretariat's Node tools would use, through
/// <c>tools/sheet-readers/read.js</c> (<c>npm ci --prefix tools/sheet-readers</c>), or the script SCORECARDS_TEST_EXCELJS names.
/// Where it is missing the test skips, unless SCORECARDS_REQUIRE_SERVICES is set, when it fails.
/// </summary>
public static class ExcelJs
{
    private static string Script => Environment.GetEnvironmentVariable("SCORECARDS_TEST_EXCELJS")
        ?? Path.Combine(Repository.Root, "tools", "sheet-readers", "read.js");

    public static bool Available()
    {
        if (File.Exists(Script) && Directory.Exists(Path.Combine(Path.GetDirectoryName(Script)!, "node_modules", "exceljs")))
        {
            return true;
        }

        var why = $"exceljs is not installed at {Path.GetDirectoryName(Script)} (npm ci --prefix tools/sheet-readers, or set SCORECARDS_TEST_EXCELJS).";
        Assert.False(Environment.GetEnvironmentVariable("SCORECARDS_REQUIRE_SERVICES") == "1", why);
        global::Scorecards.Tests.Skipped.Because(why);
        return false;
    }

    /// <summary>Every sheet of the workbook by name, as rows of cell text.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string?>>>> ReadAsync(byte[] workbook)
    {
        var path = Path.Combine(Path.GetTempPath(), $"scorecards-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, workbook, TestContext.Current.CancellationToken);
        try
        {
            var (code, output) = await SheetProcess.RunAsync("node", [Script, path]);
            Assert.True(code == 0, $"exceljs could not open the workbook: {output}");
            using var json = JsonDocument.Parse(output);
            return json.RootElement.EnumerateObject().ToDictionary(s => s.Name,
                s => (IReadOnlyList<IReadOnlyList<string?>>)s.Value.EnumerateArray().Select(r => (IReadOnlyList<string?>)r.EnumerateArray().Select(c => c.GetString()).ToList()).ToList());
        }
        finally
        {
            File.Delete(path);
        }
    }
}

internal static class SheetProcess
{
    public static async Task<(int Code, string Output)> RunAsync(string program, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return (process.ExitCode, process.ExitCode == 0 ? await stdout : await stderr + await stdout);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
