using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Scorecards.Web.Features.Exports;

/// <summary>The pieces every Word document here is made of: styles with real headings, paragraphs, and Markdown as Word.</summary>
public static partial class Word
{
    /// <summary>A document from Markdown: "## " and "### " are Heading 1 and 2, the rest as <see cref="Markdown"/>.</summary>
    public static void FromMarkdown(string markdown, Stream stream)
    {
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        var body = new Body();
        var block = new List<string>();
        void Flush()
        {
            if (block.Count > 0)
            {
                body.Append(Markdown(string.Join("\n", block)));
                block.Clear();
            }
        }

        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            var heading = line.StartsWith("# ", StringComparison.Ordinal) ? ("Title", line[2..])
                : line.StartsWith("## ", StringComparison.Ordinal) ? ("Heading1", line[3..])
                : line.StartsWith("### ", StringComparison.Ordinal) ? ("Heading2", line[4..])
                : ((string, string)?)null;
            if (heading is { } h)
            {
                Flush();
                body.Append(Para(ParagraphStyle(h.Item1), h.Item2.Trim()));
            }
            else
            {
                block.Add(line);
            }
        }

        Flush();
        body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    public static Paragraph Heading(int level, string text) => Para(ParagraphStyle($"Heading{level}"), text);

    public static ParagraphProperties ParagraphStyle(string id) => new(new ParagraphStyleId { Val = id });

    public static Paragraph Para(ParagraphProperties? properties, string text)
    {
        var paragraph = new Paragraph();
        if (properties is not null)
        {
            paragraph.Append(properties);
        }

        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    /// <summary>The narratives' Markdown as Word paragraphs: blank lines part paragraphs, "- " starts a bullet, **text** is bold.</summary>
    public static IEnumerable<Paragraph> Markdown(string text)
    {
        foreach (var block in text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = block.Split('\n');
            if (lines.All(l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal) || l.TrimStart().StartsWith("* ", StringComparison.Ordinal)))
            {
                foreach (var line in lines)
                {
                    yield return Inline(new ParagraphProperties(new Indentation { Left = "360", Hanging = "240" }), "• " + line.TrimStart()[2..]);
                }
            }
            else
            {
                yield return Inline(null, string.Join(" ", lines));
            }
        }
    }

    private static Paragraph Inline(ParagraphProperties? properties, string text)
    {
        var paragraph = properties is null ? new Paragraph() : new Paragraph(properties);
        var bold = false;
        foreach (var part in BoldMarker().Split(text))
        {
            if (part == "**")
            {
                bold = !bold;
                continue;
            }

            if (part.Length > 0)
            {
                var run = new Run(new Text(part) { Space = SpaceProcessingModeValues.Preserve });
                if (bold)
                {
                    run.PrependChild(new RunProperties(new Bold()));
                }

                paragraph.Append(run);
            }
        }

        return paragraph;
    }

    [GeneratedRegex(@"(\*\*)")]
    private static partial Regex BoldMarker();

    public static Styles Styles()
    {
        Style Paragraph(string id, string name, int halfPoints, bool bold = false, int? outline = null, string? color = null, int before = 0, int after = 120)
        {
            // Open XML wants the properties in the schema's order: fonts, bold, colour, size; keepNext, spacing, outline level.
            var runProperties = new StyleRunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" });
            if (bold)
            {
                runProperties.Append(new Bold());
            }

            if (color is not null)
            {
                runProperties.Append(new Color { Val = color });
            }

            runProperties.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
            var paragraphProperties = new StyleParagraphProperties();
            if (outline is not null)
            {
                paragraphProperties.Append(new KeepNext());
            }

            paragraphProperties.Append(new SpacingBetweenLines
            {
                Before = before.ToString(CultureInfo.InvariantCulture),
                After = after.ToString(CultureInfo.InvariantCulture),
            });
            if (outline is { } level)
            {
                paragraphProperties.Append(new OutlineLevel { Val = level });
            }

            var style = new Style(new StyleName { Val = name }, new PrimaryStyle(), paragraphProperties, runProperties)
            {
                Type = StyleValues.Paragraph,
                StyleId = id,
            };
            if (id != "Normal")
            {
                style.InsertAt(new BasedOn { Val = "Normal" }, 1);
                style.InsertAt(new NextParagraphStyle { Val = "Normal" }, 2);
            }
            else
            {
                style.Default = true;
            }

            return style;
        }

        return new Styles(
            Paragraph("Normal", "Normal", 20),
            Paragraph("Title", "Title", 36, bold: true, color: "1F3864", after: 60),
            Paragraph("Subtitle", "Subtitle", 24, color: "4A525C"),
            Paragraph("Heading1", "heading 1", 30, bold: true, outline: 0, color: "1F3864", before: 360),
            Paragraph("Heading2", "heading 2", 24, bold: true, outline: 1, color: "1F3864", before: 240),
            Paragraph("Heading3", "heading 3", 20, bold: true, outline: 2, before: 160, after: 60),
            Paragraph("Caption", "caption", 16, color: "4A525C"));
    }
}
