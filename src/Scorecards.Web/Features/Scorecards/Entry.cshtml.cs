using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

using Scorecards.Web.Infrastructure.Localization;

namespace Scorecards.Web.Features.Scorecards;

public sealed class IndicatorForm
{
    public int IndicatorId { get; set; }
    public string? Actual { get; set; }
    public bool MilestoneReached { get; set; }
    public string? Note { get; set; }
}

/// <summary>The entry form's fields as typed, so a refused save shows exactly what was entered.</summary>
public sealed class EntryForm
{
    public int Version { get; set; }
    public Completion? Completion { get; set; }
    public string? NotApplicableReason { get; set; }
    public Trajectory? Trajectory { get; set; }
    public Effect? Effect { get; set; }
    public string? Progress { get; set; }
    public string? Challenges { get; set; }
    public string? SupportNeeded { get; set; }
    public string? NextSteps { get; set; }
    public string? Links { get; set; }
    public List<IndicatorForm> Indicators { get; set; } = [];
    public List<int> ActivityIds { get; set; } = [];

    public static EntryForm From(EntryDto e) => new()
    {
        Version = e.Version,
        Completion = e.Completion,
        NotApplicableReason = e.NotApplicableReason,
        Trajectory = e.Trajectory,
        Effect = e.Effect,
        Progress = e.Progress,
        Challenges = e.Challenges,
        SupportNeeded = e.SupportNeeded,
        NextSteps = e.NextSteps,
        Links = string.Join("\n", e.Links),
        Indicators = e.Indicators.Select(i => new IndicatorForm
        {
            IndicatorId = i.IndicatorId,
            Actual = i.Actual is { } actual ? Languages.WriteNumber(actual) : null,
            MilestoneReached = i.MilestoneReached == true,
            Note = i.Note,
        }).ToList(),
        ActivityIds = e.Activities.Select(a => a.Id).ToList(),
    };
}

public sealed class EntryModel(ScorecardService service, AppDbContext db, IAuthorizationService auth) : PageModel
{
    public ScorecardDto Scorecard { get; private set; } = null!;
    public EntryDto Entry { get; private set; } = null!;
    public EntryDto? Previous { get; private set; }
    public string? PreviousRound { get; private set; }

    /// <summary>The body's activities of the round's period, which the entry may cite.</summary>
    public IReadOnlyList<CitedActivity> Candidates { get; private set; } = [];
    public bool CanEdit { get; private set; }

    /// <summary>Set when someone else saved first: their version, shown beside what this person typed.</summary>
    public EntryDto? Theirs { get; private set; }

    [BindProperty]
    public EntryForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, string code, CancellationToken ct)
    {
        var loaded = await service.LoadAsync(id, ct);
        if (loaded is null)
        {
            return NotFound();
        }

        if (!(await auth.AuthorizeAsync(User, loaded.Scorecard, ScorecardOperations.Read)).Succeeded)
        {
            return Forbid();
        }

        if (!await LoadAsync(loaded, code, ct))
        {
            return NotFound();
        }

        Form = EntryForm.From(Entry);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string code, CancellationToken ct)
    {
        var loaded = await service.LoadAsync(id, ct);
        if (loaded is null)
        {
            return NotFound();
        }

        if (!(await auth.AuthorizeAsync(User, loaded.Scorecard, ScorecardOperations.Edit)).Succeeded)
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(loaded, code, ct);
        }

        var values = ToValues(out var numberErrors);
        if (numberErrors.Count > 0)
        {
            numberErrors.ForEach(e => ModelState.AddModelError(e.Field, e.Message));
            return await RedisplayAsync(loaded, code, ct);
        }

        var outcome = await service.SaveEntryAsync(loaded, code.ToUpperInvariant(), values, Form.Version, User, ct);
        if (outcome.Succeeded)
        {
            TempData["Message"] = $"{code.ToUpperInvariant()} saved.";
            return RedirectToPage("Details", null, new { id }, $"entry-{code.ToUpperInvariant()}");
        }

        if (outcome.Outcome.Code == ScorecardService.StaleVersion)
        {
            var fresh = (await service.LoadAsync(id, ct))!;
            await LoadAsync(fresh, code, ct);
            Theirs = Entry;
            ModelState.AddModelError("", $"Someone else saved this entry while you were editing it. Nothing was overwritten. Their version is shown beside yours: copy what you need, then save again to replace theirs.");
            ModelState.Remove($"{nameof(Form)}.{nameof(EntryForm.Version)}");
            Form.Version = Entry.Version;
            return this.Refused();
        }

        return await this.RefusedAsync(outcome.Outcome, () => LoadAsync(loaded, code, ct));
    }

    private EntryValues ToValues(out List<Domain.Scorecards.FieldError> errors)
    {
        errors = [];
        var indicators = new List<IndicatorValueInput>();
        for (var i = 0; i < Form.Indicators.Count; i++)
        {
            var item = Form.Indicators[i];
            decimal? actual = null;
            if (!string.IsNullOrWhiteSpace(item.Actual))
            {
                if (Languages.ReadNumber(item.Actual) is { } number)
                {
                    actual = number;
                }
                else
                {
                    errors.Add(new Domain.Scorecards.FieldError($"{nameof(Form)}.{nameof(EntryForm.Indicators)}[{i}].{nameof(IndicatorForm.Actual)}", $"'{item.Actual}' is not a number."));
                }
            }

            indicators.Add(new IndicatorValueInput(item.IndicatorId, actual, item.MilestoneReached ? true : null, item.Note));
        }

        var links = (Form.Links ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return new EntryValues(Form.Completion, Form.NotApplicableReason, Form.Trajectory, Form.Effect, Form.Progress, Form.Challenges,
            Form.SupportNeeded, Form.NextSteps, links, indicators, Form.ActivityIds);
    }

    private async Task<IActionResult> RedisplayAsync(LoadedScorecard loaded, string code, CancellationToken ct) =>
        await LoadAsync(loaded, code, ct) ? this.Invalid() : NotFound();

    private async Task<bool> LoadAsync(LoadedScorecard loaded, string code, CancellationToken ct)
    {
        Scorecard = await ScorecardQueries.ToDtoAsync(db, loaded.Scorecard, loaded.RoundRef, ct);
        var entry = Scorecard.Entries.FirstOrDefault(e => string.Equals(e.ObjectiveCode, code, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return false;
        }

        Entry = entry;
        CanEdit = Scorecard.Editable && (await auth.AuthorizeAsync(User, loaded.Scorecard, ScorecardOperations.Edit)).Succeeded;
        await LoadPreviousAsync(loaded, entry, ct);
        var round = loaded.Round;
        var body = loaded.Scorecard.BodyId;
        // The body's own activities; one cited before the rule existed stays listed so that it can be unticked.
        var cited = entry.Activities.Select(a => a.Id).ToList();
        var candidates = await db.Activities.AsNoTracking().Where(Domain.Activities.Activity.During(round.PeriodStart, round.PeriodEnd))
            .Where(a => a.LeadBodyId == body && !a.IsArchived)
            .Union(db.Activities.AsNoTracking().Where(a => cited.Contains(a.Id)))
            .Join(db.Bodies, a => a.LeadBodyId, b => b.Id, (a, b) => new { Activity = new CitedActivity(a.Id, a.Title, a.StartDate, a.EndDate, a.DatePrecision, a.City, b.Code), Own = a.LeadBodyId == body })
            .ToListAsync(ct);
        Candidates = candidates.OrderByDescending(c => c.Own).ThenBy(c => c.Activity.StartDate).Select(c => c.Activity).ToList();
        return true;
    }

    // The body's entry on the same objective in the latest earlier round, shown beside the form.
    private async Task LoadPreviousAsync(LoadedScorecard loaded, EntryDto entry, CancellationToken ct)
    {
        var objectiveId = await db.Objectives.Where(o => o.Code == entry.ObjectiveCode).Select(o => o.Id).SingleAsync(ct);
        var previous = await db.Entries.AsNoTracking().Include(e => e.IndicatorValues)
            .Where(e => e.ObjectiveId == objectiveId && e.Completion != null)
            .Join(db.Scorecards.Where(s => s.BodyId == loaded.Scorecard.BodyId && s.RoundId != loaded.Round.Id), e => e.ScorecardId, s => s.Id, (e, s) => new { e, s.RoundId })
            .Join(db.Rounds.Where(r => r.PeriodEnd < loaded.Round.PeriodEnd), x => x.RoundId, r => r.Id, (x, r) => new { x.e, r.Name, r.PeriodEnd })
            .OrderByDescending(x => x.PeriodEnd)
            .FirstOrDefaultAsync(ct);
        if (previous is not null)
        {
            Previous = ScorecardQueries.ToEntryDto(previous.e, entry.ObjectiveCode, entry.ObjectiveTitle, entry.FocusAreaCode, entry.FocusAreaName, [],
                new Dictionary<int, CitedActivity>());
            PreviousRound = previous.Name;
        }
    }
}
