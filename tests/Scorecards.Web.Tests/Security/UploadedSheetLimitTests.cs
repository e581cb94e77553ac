using System.Text;
using Scorecards.Web.Infrastructure.Spreadsheets;
using static Scorecards.Web.Tests.Security.HostileFiles;

namespace Scorecards.Web.Tests.Security;

/// <summary>Spreadsheets and CSV files built to exhaust memory or to be misread: each is refused, saying what and where.</summary>
public sealed class UploadedSheetLimitTests
{
    private static readonly SheetLimits Limits = new(MaxRows: 20_000, MaxCellLength: 4_000);

    private static string Refusal(string fileName, byte[] content)
    {
        var (sheet, error) = UploadedSheet.Read(fileName, content, Limits);
        Assert.Null(sheet);
        return error!;
    }

    private static UploadedSheet Sheet(string fileName, byte[] content)
    {
        var (sheet, error) = UploadedSheet.Read(fileName, content, Limits);
        Assert.True(sheet is not null, error);
        return sheet;
    }

    [Fact]
    public void SharedStringTable_ThatUnzipsTo200MB_IsRefusedBeforeItIsRead()
    {
        var bomb = Workbook(w => w.Write(Row(1, ("A1", "Title"))), w =>
        {
            w.Write("<si><t>");
            Repeat(w, new string('x', 1024), 200 * 1024);
            w.Write("</t></si>");
        });

        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb is {bomb.Length:N0} bytes");
        Assert.Equal("The workbook unzips to more than 50 MB, the most this product reads. Remove unused sheets and pictures, or split the rows into smaller files.",
            Refusal("bomb.xlsx", bomb));
    }

    [Fact]
    public void ValueInColumnXfd_OnEveryRow_IsRefusedNamingTheCell_ButStyledEmptyCellsThereAreIgnored()
    {
        var wide = Workbook(w =>
        {
            w.Write(Row(1, ("A1", "Title")));
            for (var row = 2; row <= 20_001; row++)
            {
                w.Write(Row(row, ("XFD" + row, "far away")));
            }
        });
        var styled = Workbook(w => w.Write(Row(1, ("A1", "Title")) + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Meeting</t></is></c><c r=\"XFD2\" s=\"3\"/></row>"));

        Assert.Equal("Cell XFD2 holds a value, but this file's columns end at BL. Remove what is beyond them and upload the file again.", Refusal("wide.xlsx", wide));
        Assert.Equal(["Meeting"], Sheet("styled.xlsx", styled).Rows.Single().Cells);
    }

    [Fact]
    public void CellLongerThanAnyField_IsRefusedNamingTheCell()
    {
        var huge = Workbook(w =>
        {
            w.Write(Row(1, ("A1", "Title"), ("B1", "Description")));
            w.Write("<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>");
            Repeat(w, "y", 5 * 1024 * 1024);
            w.Write("</t></is></c></row>");
        });

        Assert.Equal("Cell B2 holds more than 4,000 characters, the longest any field of this file takes.", Refusal("huge.xlsx", huge));
    }

    [Fact]
    public void EntityExpansion_InASheet_IsRefused()
    {
        var laughs = Workbook(w => w.Write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row>"),
            doctype: "<!DOCTYPE worksheet [<!ENTITY lol \"lol\">" + string.Concat(Enumerable.Range(1, 9).Select(i =>
                $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}\">")) + "]>");

        Assert.StartsWith("'laughs.xlsx' is not an Excel workbook that can be read (.xlsx):", Refusal("laughs.xlsx", laughs));
    }

    [Fact]
    public void TooManySharedStrings_AreRefused()
    {
        var many = Workbook(w => w.Write(Row(1, ("A1", "Title"))), w => Repeat(w, "<si><t>a</t></si>", 300_000));

        Assert.Equal("The workbook's shared string table holds more than 250,000 entries, the most this product reads.", Refusal("many.xlsx", many));
    }

    [Fact]
    public void TruncatedAndRenamedFiles_AreRefusedAsUnreadable()
    {
        var good = Workbook(w => w.Write(Row(1, ("A1", "Title")) + Row(2, ("A2", "Meeting"))));

        Assert.StartsWith("'cut.xlsx' is not an Excel workbook that can be read", Refusal("cut.xlsx", good[..(good.Length / 2)]));
        Assert.StartsWith("'renamed.xlsx' is not an Excel workbook that can be read", Refusal("renamed.xlsx", Encoding.UTF8.GetBytes("Title\nMeeting\n")));
        Assert.Matches("^Line [0-9]+ (is not UTF-8 text|holds)", Refusal("renamed.csv", good));
    }

    [Fact]
    public void CellReferencesWithoutAColumn_AreReadAsTheNextColumn()
    {
        var book = Workbook(w => w.Write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Title</t></is></c></row>"
            + "<row r=\"2\"><c r=\"2\" t=\"inlineStr\"><is><t>Meeting</t></is></c><c r=\"$$\" t=\"inlineStr\"><is><t>Hanoi</t></is></c></row>"));

        Assert.Equal(["Meeting", "Hanoi"], Sheet("odd.xlsx", book).Rows.Single().Cells);
    }

    [Fact]
    public void SharedStrings_AreReadWithoutPhoneticGuides_AndRowsKeepTheirNumbers()
    {
        var book = Workbook(
            w => w.Write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>1</v></c></row><row r=\"4\"><c r=\"C4\" t=\"s\"><v>2</v></c></row>"),
            w => w.Write("<si><t>Title</t></si><si><r><t>Ci</t></r><r><t xml:space=\"preserve\">ty </t></r></si><si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>とうきょう</t></rPh></si>"));

        var sheet = Sheet("book.xlsx", book);

        Assert.Equal(["Title", "", "City"], sheet.Header);
        Assert.Equal(new SheetRow(4, ["", "", "東京"]), sheet.Rows.Single(), new RowComparer());
    }

    [Fact]
    public void CsvOfTenMillionCommas_IsReadAsAnEmptyHeader_WithoutHoldingTheFields()
    {
        var commas = Encoding.UTF8.GetBytes(new string(',', 10 * 1024 * 1024));

        Assert.Equal("The file has no header row: its first row must name the columns.", Refusal("commas.csv", commas));
    }

    public static TheoryData<string, byte[], string> BadCsv => new()
    {
        { "Latin-1", [.. Encoding.UTF8.GetBytes("Title,City\nMeeting,"), .. Encoding.Latin1.GetBytes("Asunción\n")], "Line 2 is not UTF-8 text." },
        { "NUL", Encoding.UTF8.GetBytes("Title\nMeet\0ing\n"), "Line 2 holds a NUL character" },
        { "bell", Encoding.UTF8.GetBytes("Title\nok\nMeet\aing\n"), "Line 3 holds the control character U+0007" },
        { "long field", Encoding.UTF8.GetBytes("Title,Description\nMeeting," + new string('z', 5000) + "\n"), "Line 2, column 2 ('Description'), holds more than 4,000 characters" },
        { "unclosed quote", Encoding.UTF8.GetBytes("Title,Description\nMeeting,\"never closed\n"), "Line 2, column 2 ('Description'), opens a quotation mark that is never closed." },
        { "value past the columns", Encoding.UTF8.GetBytes("Title\nMeeting" + new string(',', 70) + "x\n"), "Line 2, column 65, holds a value, but this file's columns end at column 64." },
    };

    [Theory]
    [MemberData(nameof(BadCsv))]
    public void BadCsv_IsRefused_NamingTheLine(string what, byte[] content, string expected)
    {
        Assert.False(string.IsNullOrEmpty(what));
        Assert.StartsWith(expected, Refusal("file.csv", content));
    }

    [Fact]
    public void CsvInEveryAcceptedEncoding_ReadsTheSame()
    {
        const string text = "Title;City\r\n\"Bali \"\"Process\"\" meeting\";Asunción\r\n";
        byte[][] files =
        [
            Encoding.UTF8.GetBytes(text),
            [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
            [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
            [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
        ];

        foreach (var file in files)
        {
            var sheet = Sheet("file.csv", file);
            Assert.Equal(["Title", "City"], sheet.Header);
            Assert.Equal(["Bali \"Process\" meeting", "Asunción"], sheet.Rows.Single().Cells);
        }
    }

    [Fact]
    public void CsvFormulaGuard_WrittenByExport_IsRemovedOnImport_OtherApostrophesStay()
    {
        var sheet = Sheet("file.csv", Encoding.UTF8.GetBytes("Title,Count,Note\n'=SUM(A1),'-5,'tis the season\n\"'@home\",,\n"));

        Assert.Equal(["=SUM(A1)", "-5", "'tis the season"], sheet.Rows[0].Cells);
        Assert.Equal("@home", sheet.Rows[1][0]);
    }

    private sealed class RowComparer : IEqualityComparer<SheetRow>
    {
        public bool Equals(SheetRow? x, SheetRow? y) => x!.Number == y!.Number && x.Cells.SequenceEqual(y.Cells);

        public int GetHashCode(SheetRow obj) => obj.Number;
    }
}
