using System.Reflection;
using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace Scorecards.Web.Features.Exports;

/// <summary>
/// DejaVu Sans in four faces, shipped inside the program (licence beside the font files), so the PDF looks the same on
/// every server; and a way to measure text with them, which also sizes the Word paper's table columns (DejaVu Sans
/// is wider than the Arial the Word paper asks for, so a column measured with it holds its words in Arial too).
/// </summary>
public static class PaperFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock ResolverLock = new();
    private static readonly ThreadLocal<XGraphics> Measurer = new(() =>
    {
        EnsureResolver();
        return XGraphics.CreateMeasureContext(new XSize(2000, 2000), XGraphicsUnit.Point, XPageDirection.Downwards);
    });

    public static void EnsureResolver()
    {
        lock (ResolverLock)
        {
            GlobalFontSettings.FontResolver ??= new EmbeddedFonts();
        }
    }

    public static XFont Font(double size, bool bold = false, bool italic = false)
    {
        EnsureResolver();
        var style = (bold, italic) switch
        {
            (true, true) => XFontStyleEx.BoldItalic,
            (true, false) => XFontStyleEx.Bold,
            (false, true) => XFontStyleEx.Italic,
            _ => XFontStyleEx.Regular,
        };
        return new XFont(Family, size, style);
    }

    /// <summary>The width of the text in points.</summary>
    public static double Width(string text, XFont font) => text.Length == 0 ? 0 : Measurer.Value!.MeasureString(text, font).Width;

    private sealed class EmbeddedFonts : IFontResolver
    {
        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new((bold, italic) switch
        {
            (true, true) => "DejaVuSans-BoldOblique",
            (true, false) => "DejaVuSans-Bold",
            (false, true) => "DejaVuSans-Oblique",
            _ => "DejaVuSans",
        });

        public byte[] GetFont(string faceName)
        {
            var assembly = Assembly.GetExecutingAssembly();
            var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith($".{faceName}.ttf", StringComparison.Ordinal));
            using var resource = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            resource.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
