using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Web.Features.Rounds;

/// <summary>
/// Charts drawn on the server as SVG: each has a title and a text alternative, uses the one colour per
/// completion level with patterns that survive greyscale print, and loads nothing at run time.
/// </summary>
public static class Charts
{
    public static string Fill(Completion level) => level switch
    {
        Completion.Complete => "#1b5e20",
        Completion.Substantial => "#7cb342",
        Completion.Limited => "#f2b705",
        Completion.NotStarted => "#9e9e9e",
        Completion.NoEvidence => "#ffffff",
        Completion.NotApplicable => "url(#{0}-hatch)",
        _ => "#ffffff",
    };

    /// <summary>"Complete 2, Substantial 3, …; high completion 5 of 9 (56%)": the chart in words.</summary>
    public static string Describe(DistributionDto d, IStringLocalizer t)
    {
        if (d.Total == 0)
        {
            return t["No entries."];
        }

        var parts = string.Join(", ", d.Levels.Select(l => $"{t[l.Label]} {l.Count}"));
        var unrated = d.Unrated > 0 ? t[", not rated {0}", d.Unrated].Value : "";
        return t["{0}{1}; high completion {2} of {3} counted ({4}).", parts, unrated, d.HighCompletion, d.Counted, Percent(d.HighCompletionShare, t)];
    }

    public static string Percent(decimal? share, IStringLocalizer t) => share is { } s ? (s * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : t["n/a"];

    /// <summary>One horizontal bar split by completion level, every level in the display order.</summary>
    public static IHtmlContent StackedBar(DistributionDto d, string id, string title, IStringLocalizer t, int width = 240, int height = 18)
    {
        var svg = new StringBuilder();
        Open(svg, id, title, Describe(d, t), width, height);
        var total = d.Total;
        if (total == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0.5\" y=\"0.5\" width=\"{width - 1}\" height=\"{height - 1}\" fill=\"#ffffff\" stroke=\"#767676\"/>");
        }
        else
        {
            Segments(svg, id, d, 0, 0, width, height, t);
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>One bar per round, oldest first, labelled with the round's name: a history at a glance.</summary>
    public static IHtmlContent History(IReadOnlyList<(string Round, DistributionDto Distribution)> rounds, string id, string title, IStringLocalizer t)
    {
        const int labelWidth = 170, barWidth = 260, row = 26, bar = 18;
        var width = labelWidth + barWidth + 60;
        var height = Math.Max(1, rounds.Count) * row + 4;
        var svg = new StringBuilder();
        var description = string.Join(" ", rounds.Select(r => $"{r.Round}: {Describe(r.Distribution, t)}"));
        Open(svg, id, title, rounds.Count == 0 ? t["No rounds."] : description, width, height);
        for (var i = 0; i < rounds.Count; i++)
        {
            var (name, d) = rounds[i];
            var y = (i * row) + 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 13}\" font-size=\"12\" fill=\"#1b1f24\">{Escape(name)}</text>");
            if (d.Total == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth + 0.5}\" y=\"{y + 0.5}\" width=\"{barWidth - 1}\" height=\"{bar - 1}\" fill=\"#ffffff\" stroke=\"#767676\"/>");
            }
            else
            {
                Segments(svg, id, d, labelWidth, y, barWidth, bar, t);
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + barWidth + 6}\" y=\"{y + 13}\" font-size=\"12\" fill=\"#1b1f24\">{Percent(d.HighCompletionShare, t)}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static void Open(StringBuilder svg, string id, string title, string description, int width, int height)
    {
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" aria-labelledby=\"{id}-title {id}-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Escape(title)}</title><desc id=\"{id}-desc\">{Escape(description)}</desc>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<defs><pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#8a8a8a\" stroke-width=\"2.5\"/></pattern></defs>");
    }

    private static void Segments(StringBuilder svg, string id, DistributionDto d, double x0, double y, double width, double height, IStringLocalizer t)
    {
        var total = (double)d.Total;
        var x = x0;
        foreach (var level in d.Levels.Where(l => l.Count > 0))
        {
            var w = width * level.Count / total;
            var fill = string.Format(CultureInfo.InvariantCulture, Fill(level.Level), id);
            var stroke = level.Level == Completion.NoEvidence ? " stroke=\"#444444\" stroke-dasharray=\"3 2\"" : " stroke=\"#ffffff\" stroke-width=\"1\"";
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x:0.##}\" y=\"{y + 0.5:0.##}\" width=\"{w:0.##}\" height=\"{height - 1:0.##}\" fill=\"{fill}\"{stroke}><title>{Escape(t[level.Label])}: {level.Count}</title></rect>");
            x += w;
        }

        if (d.Unrated > 0)
        {
            var w = width * d.Unrated / total;
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x:0.##}\" y=\"{y + 0.5:0.##}\" width=\"{w:0.##}\" height=\"{height - 1:0.##}\" fill=\"#ffffff\" stroke=\"#b0b0b0\" stroke-dasharray=\"1 2\"><title>{Escape(t["Not rated"])}: {d.Unrated}</title></rect>");
        }
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
