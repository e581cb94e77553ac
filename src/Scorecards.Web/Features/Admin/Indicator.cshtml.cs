using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Framework;
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

    public IEnumerable<(string Field, string Message)> Validate(string prefix)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > FrameworkRules.MaxTitleLength)
        {
            yield return ($"{prefix}.Name", $"Give the indicator a name (at most {FrameworkRules.MaxTitleLength} characters).");
        }

        if (Unit?.Length > 100)
        {
            yield return ($"{prefix}.Unit", "The unit is longer than 100 characters.");
        }

        if (!string.IsNullOrWhiteSpace(Baseline) && FrameworkRules.ParseNumber(Baseline) is null)
        {
            yield return ($"{prefix}.Baseline", $"'{Baseline}' is not a number.");
        }

        if (!string.IsNullOrWhiteSpace(Target) && FrameworkRules.ParseNumber(Target) is null)
        {
            yield return ($"{prefix}.Target", $"'{Target}' is not a number.");
        }
    }

    public void ApplyTo(Indicator indicator)
    {
        indicator.Name = Name!.Trim();
        indicator.Kind = Kind;
        indicator.Unit = string.IsNullOrWhiteSpace(Unit) || Kind == IndicatorKind.Milestone ? null : Unit.Trim();
        indicator.Baseline = Kind == IndicatorKind.Milestone ? null : FrameworkRules.ParseNumber(Baseline);
        indicator.Target = Kind == IndicatorKind.Milestone ? null : FrameworkRules.ParseNumber(Target);
    }
}

[Authorize(Policy = Policies.Administrator)]
public sealed class IndicatorModel(AppDbContext db) : PageModel
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
            Baseline = Indicator.Baseline?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
            Target = Indicator.Target?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
        };
        Retired = Indicator.IsRetired;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        foreach (var (field, message) in Input.Validate(nameof(Input)))
        {
            ModelState.AddModelError(field, message);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Input.ApplyTo(Indicator);
        Indicator.IsRetired = Retired;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"{Indicator.Code} saved.";
        return Redirect($"/admin/objectives/{ObjectiveCode}");
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
