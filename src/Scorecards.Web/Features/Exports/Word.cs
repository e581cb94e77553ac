using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Scorecards.Web.Features.Exports;

/// <summary>The pieces every Word document here is made of: styles with real headings, paragraphs, and Markdown as Word.</summary>
public static class Word
{
    /// <summary>The width of the text on an A4 page with 2 cm margins, in twentieths of a point.</summary>
    public const int TextWidth = 11906 - (2 * 1134);

    /// <summary>
    /// The document's main part. Its parts and links are given ids of their own ("rIdStyles", "rIdLink3") rather than the
    /// random ones the SDK draws, so the same content always makes the same file.
    /// </summary>
    public static MainDocumentPart MainPart(WordprocessingDocument document) =>
        document.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rIdDocument");

    /// <summary>A document from Markdown: "## " and "### " are Heading 1 and 2, the rest as <see cref="Narrative"/>.</summary>
    public static void FromMarkdown(string markdown, Stream stream)
    {
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = MainPart(document);
        main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = Styles();
        var body = new Body();
        var block = new List<string>();
        void Flush()
        {
            if (block.Count > 0)
            {
                body.Append(Narrative(main, string.Join("\n", block)));
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
        body.Append(A4());
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>An A4 page with 2 cm margins, optionally with a header and footer.</summary>
    public static SectionProperties A4(params OpenXmlElement[] references)
    {
        var section = new SectionProperties();
        foreach (var reference in references)
        {
            section.Append(reference);
        }

        section.Append(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 });
        return section;
    }

    public static Paragraph Heading(int level, string text) => Para(ParagraphStyle($"Heading{level}"), text);

    public static ParagraphProperties ParagraphStyle(string id) => new(new ParagraphStyleId { Val = id });

    public static Paragraph Para(ParagraphProperties? properties, string text, bool bold = false, bool italic = false)
    {
        var paragraph = new Paragraph();
        if (properties is not null)
        {
            paragraph.Append(properties);
        }

        paragraph.Append(Run(text, bold, italic));
        return paragraph;
    }

    public static Run Run(string text, bool bold = false, bool italic = false, string? color = null, bool underline = false, int? halfPoints = null)
    {
        var run = new Run();
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        if (color is not null)
        {
            properties.Append(new Color { Val = color });
        }

        if (halfPoints is { } size)
        {
            properties.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        }

        if (underline)
        {
            properties.Append(new Underline { Val = UnderlineValues.Single });
        }

        if (properties.HasChildren)
        {
            run.Append(properties);
        }

        // A hard line break inside a narrative is a break in the run, not a new paragraph.
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    /// <summary>
    /// A narrative's Markdown as Word paragraphs: emphasis as bold and italic, lists indented with their bullets and
    /// numbers, quotes indented, links as hyperlinks to their addresses.
    /// </summary>
    public static IEnumerable<Paragraph> Narrative(MainDocumentPart main, string? markdown)
    {
        foreach (var block in Exports.Narrative.Parse(markdown))
        {
            var properties = new ParagraphProperties();
            if (block.Depth > 0)
            {
                properties.Append(new Indentation
                {
                    Left = (360 * block.Depth).ToString(CultureInfo.InvariantCulture),
                    Hanging = block.Marker is null ? null : "280",
                });
            }

            var paragraph = new Paragraph(properties);
            if (block.Marker is { } marker)
            {
                paragraph.Append(Run(marker + " "));
            }

            foreach (var span in block.Spans)
            {
                if (span.Link is { } link)
                {
                    var relation = main.AddHyperlinkRelationship(new Uri(link), true, $"rIdLink{main.HyperlinkRelationships.Count() + 1}");
                    paragraph.Append(new Hyperlink(Run(span.Text, span.Bold, span.Italic, color: "0B4F8A", underline: true)) { Id = relation.Id, History = true });
                }
                else
                {
                    paragraph.Append(Run(span.Text, span.Bold, span.Italic));
                }
            }

            yield return paragraph;
        }
    }

    public static Styles Styles()
    {
        Style Paragraph(string id, string name, int halfPoints, bool bold = false, int? outline = null, string? color = null, int before = 0, int after = 120,
            bool keepNext = false, int indent = 0)
        {
            // Open XML wants the properties in the schema's order: fonts, bold, colour, size; keepNext, spacing, indentation, outline level.
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
            if (outline is not null || keepNext)
            {
                // A heading never ends a page: it keeps with the paragraph that follows it.
                paragraphProperties.Append(new KeepNext());
            }

            paragraphProperties.Append(new SpacingBetweenLines
            {
                Before = before.ToString(CultureInfo.InvariantCulture),
                After = after.ToString(CultureInfo.InvariantCulture),
            });
            if (indent > 0)
            {
                paragraphProperties.Append(new Indentation { Left = indent.ToString(CultureInfo.InvariantCulture) });
            }

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
            Paragraph("Caption", "caption", 16, color: "4A525C"),
            Paragraph("TOCHeading", "TOC Heading", 24, bold: true, color: "1F3864", before: 240, keepNext: true),
            Paragraph("TOC1", "toc 1", 20, after: 60),
            Paragraph("TOC2", "toc 2", 20, after: 40, indent: 360));
    }
}
