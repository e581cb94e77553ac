using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Framework;
using Scorecards.Web.Features.Framework;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

/// <summary>An indicator as typed in the add and edit forms, with the checks both share.</summary>
public sealed class IndicatorInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public IndicatorKind Kind { get; set; }
    public string? Unit { get; set; }
    public string? Baseline { get; set; }
    public string? Target { get; set; }

    /// <summary>The change, its numbers read as the person typed them in their language and handed on as the rules read them.</summary>
    public IndicatorChange ToChange() => new(Name, Kind, Unit, Invariant(Baseline), Invariant(Target));

    /// <summary>
    /// A baseline or target typed in a language other than English that is not a number in it ("1.000" in Indonesian, where
    /// the point separates thousands): refused here rather than read by the rules' own reading, where it would be 1.
    /// </summary>
    public Domain.Result? NumberProblems()
    {
        if (Infrastructure.Localization.Languages.IsEnglish(System.Globalization.CultureInfo.CurrentCulture))
        {
            return null;
        }

        var errors = new[] { (Field: nameof(Baseline), Typed: Baseline), (Field: nameof(Target), Typed: Target) }
            .Where(x => !string.IsNullOrWhiteSpace(x.Typed) && Infrastructure.Localization.Languages.ReadNumber(x.Typed) is null)
            .Select(x => new Domain.Scorecards.FieldError(x.Field, $"'{x.Typed}' is not a number.")).ToList();
        return errors.Count == 0 ? null : Domain.Result.Invalid(errors);
    }

    private static string? Invariant(string? typed) =>
        Infrastructure.Localization.Languages.ReadNumber(typed) is { } number ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : typed;
}

[Authorize(Policy = Policies.Administrator)]
public sealed class IndicatorModel(AppDbContext db, FrameworkEditor editor) : PageModel
{
    public Indicator Indicator { get; private set; } = null!;
    public string ObjectiveCode { get; private set; } = "";

    [BindProperty]
    public IndicatorInput Input { get; set; } = new();

    [BindProperty]
    public bool Retired { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        Input = new IndicatorInput
        {
            Code = Indicator.Code,
            Name = Indicator.Name,
            Kind = Indicator.Kind,
            Unit = Indicator.Unit,
            Baseline = Indicator.Baseline is { } baseline ? Infrastructure.Localization.Languages.WriteNumber(baseline) : null,
            Target = Indicator.Target is { } target ? Infrastructure.Localization.Languages.WriteNumber(target) : null,
        };
        Retired = Indicator.IsRetired;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (Input.NumberProblems() is { } problems)
        {
            return await this.RefusedAsync(problems, () => LoadAsync(code, ct), prefix: nameof(Input));
        }

        var changed = await editor.ChangeIndicatorAsync(code, Input.ToChange(), Retired, ct);
        if (!changed.Succeeded)
        {
            return await this.RefusedAsync(changed.Outcome, () => LoadAsync(code, ct), prefix: nameof(Input));
        }

        TempData["Message"] = $"{changed.Value!.Code} saved.";
        var objective = await db.Objectives.Where(o => o.Id == changed.Value.ObjectiveId).Select(o => o.Code).SingleAsync(ct);
        return RedirectToPage("Objective", new { code = objective });
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.Code == code.ToUpperInvariant(), ct);
        if (indicator is null)
        {
            return false;
        }

        Indicator = indicator;
        ObjectiveCode = await db.Objectives.Where(o => o.Id == indicator.ObjectiveId).Select(o => o.Code).SingleAsync(ct);
        return true;
    }
}
