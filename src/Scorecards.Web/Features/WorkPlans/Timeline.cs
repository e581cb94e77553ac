using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Scorecards.Domain.Activities;
using Scorecards.Domain.WorkPlans;

namespace Scorecards.Web.Features.WorkPlans;

/// <summary>
/// A work plan as a timeline drawn on the server: per item, the target period as an outlined bar and the
/// activities that deliver it as solid (delivered) or hatched (planned) bars, with years marked and a line for today.
/// </summary>
public static class Timeline
{
    private const int Width = 760;
    private const int Label = 44;
    private const int Row = 22;
    private const int Top = 22;

    public static IHtmlContent Svg(WorkPlanDto plan, DateOnly today, IStringLocalizer t)
    {
        var start = plan.StartDate;
        var end = plan.EndDate;
        foreach (var a in plan.Items.SelectMany(i => i.Activities))
        {
            start = a.StartDate < start ? a.StartDate : start;
            end = a.EndDate > end ? a.EndDate : end;
        }

        var days = Math.Max(1, end.DayNumber - start.DayNumber + 1);
        double X(DateOnly d) => Label + ((Width - Label - 8) * (double)(d.DayNumber - start.DayNumber) / days);
        var height = Top + (Math.Max(1, plan.Items.Count) * Row) + 8;
        var id = $"timeline-{plan.Id}";
        var delivered = plan.Count(WorkPlanItemStatus.Delivered);
        var description = t["{0} planned items from {1} to {2}: {3} delivered, {4} under way, {5} not started, {6} dropped.", plan.Items.Count,
            plan.StartDate.ToString("d MMM yyyy", CultureInfo.CurrentCulture), plan.EndDate.ToString("d MMM yyyy", CultureInfo.CurrentCulture), delivered,
            plan.Count(WorkPlanItemStatus.UnderWay), plan.Count(WorkPlanItemStatus.NotStarted), plan.Count(WorkPlanItemStatus.Dropped)].Value;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart timeline\" role=\"img\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" aria-labelledby=\"{id}-title {id}-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(t["{0} {1}: planned against delivered", plan.Body, plan.Title])}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<defs><pattern id=\"{id}-hatch\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"5\" height=\"5\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\" stroke=\"#1f5f8b\" stroke-width=\"2\"/></pattern></defs>");

        for (var year = start.Year + 1; year <= end.Year; year++)
        {
            var x = X(new DateOnly(year, 1, 1));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" y1=\"14\" x2=\"{x:0.#}\" y2=\"{height}\" stroke=\"#c8c8c8\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 3:0.#}\" y=\"12\" font-size=\"11\" fill=\"#4a525c\">{year}</text>");
        }

        var y = Top;
        foreach (var item in plan.Items)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{y + 14}\" font-size=\"12\" fill=\"#1a1a1a\">{item.Number}</text>");
            var x1 = X(item.TargetStart);
            var x2 = X(item.TargetEnd.AddDays(1));
            var dash = item.Status == WorkPlanItemStatus.Dropped ? " stroke-dasharray=\"4 3\"" : "";
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x1:0.#}\" y=\"{y + 2}\" width=\"{Math.Max(2, x2 - x1):0.#}\" height=\"{Row - 6}\" fill=\"#eef3f7\" stroke=\"#1f5f8b\"{dash}><title>{item.Number}. {E(t["{0}: planned {1} – {2}, {3}", item.Title, item.TargetStart.ToString("MMM yyyy", CultureInfo.CurrentCulture), item.TargetEnd.ToString("MMM yyyy", CultureInfo.CurrentCulture), t[item.StatusLabel].Value])}</title></rect>");
            foreach (var a in item.Activities.Where(a => a.Status != ActivityStatus.Cancelled))
            {
                var a1 = X(a.StartDate);
                var a2 = X(a.EndDate.AddDays(1));
                var fill = a.Status == ActivityStatus.Delivered ? "#1f5f8b" : $"url(#{id}-hatch)";
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{a1:0.#}\" y=\"{y + 6}\" width=\"{Math.Max(3, a2 - a1):0.#}\" height=\"{Row - 14}\" fill=\"{fill}\" stroke=\"#1f5f8b\"><title>{E(a.Title)}, {E(a.Dates)}: {E(t[a.Status.ToString()].Value.ToLower(CultureInfo.CurrentCulture))}</title></rect>");
            }

            y += Row;
        }

        if (today >= start && today <= end)
        {
            var x = X(today);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" y1=\"14\" x2=\"{x:0.#}\" y2=\"{height}\" stroke=\"#b00020\" stroke-dasharray=\"3 2\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x - 3:0.#}\" y=\"{height - 2}\" font-size=\"10\" text-anchor=\"end\" fill=\"#b00020\">{E(t["today"])}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
