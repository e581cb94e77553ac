using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Bodies;
using Scorecards.Web.Features.Rounds;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Members;

/// <summary>One body: its co-chairs and seats now and over time; administrators add and end terms here.</summary>
public sealed class BodyModel(AppDbContext db, RegisterService register, TimeProvider clock) : PageModel
{
    public BodyDto Body { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Members { get; private set; } = [];
    public IReadOnlyList<DecisionChoice> Decisions { get; private set; } = [];
    public bool CanManage => User.IsAdministrator();

    [BindProperty] public SeatForm Seat { get; set; } = new();
    [BindProperty] public CoChairForm CoChair { get; set; } = new();
    [BindProperty] public EndForm End { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSeatAsync(string code, CancellationToken ct) =>
        DoAsync(code, "Seat", register.AddSeatAsync(User, code, new SeatRequest(Seat.MemberId, Seat.From, Seat.DecisionId), ct), "Seat added.", ct);

    public Task<IActionResult> OnPostEndSeatAsync(string code, int termId, CancellationToken ct) =>
        DoAsync(code, "End", register.EndSeatAsync(User, code, termId, new TermEnd(End.Until, End.DecisionId), ct), "Seat ended.", ct);

    public Task<IActionResult> OnPostCoChairAsync(string code, CancellationToken ct) =>
        DoAsync(code, "CoChair", register.AddCoChairAsync(User, code,
            new CoChairRequest(CoChair.MemberId, CoChair.PersonName, CoChair.From, CoChair.Until, CoChair.DecisionId), ct), "Co-chair added.", ct);

    public Task<IActionResult> OnPostEndCoChairAsync(string code, int termId, CancellationToken ct) =>
        DoAsync(code, "End", register.EndCoChairAsync(User, code, termId, new TermEnd(End.Until, null), ct), "Co-chair's term ended.", ct);

    private async Task<IActionResult> DoAsync(string code, string prefix, Task<Result<Body>> action, string message, CancellationToken ct)
    {
        var done = await action;
        if (!done.Succeeded)
        {
            return await this.RefusedAsync(done.Outcome, () => LoadAsync(code, ct), prefix);
        }

        TempData["Message"] = message;
        return RedirectToPage(new { code = done.Value!.Code });
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (await RegisterQueries.BodyAsync(db, code, ct) is not { } body)
        {
            return false;
        }

        Body = body;
        Today = RoundViews.Today(clock);
        if (CanManage)
        {
            Members = await RegisterQueries.ChoicesAsync(db.Members.Where(m => m.Status != Domain.Members.MemberStatus.Withdrawn), ct);
            Decisions = await RegisterQueries.DecisionChoicesAsync(db, ct);
        }

        return true;
    }

    public sealed class SeatForm
    {
        public int? MemberId { get; set; }
        public DateOnly? From { get; set; }
        public int? DecisionId { get; set; }
    }

    public sealed class CoChairForm
    {
        public int? MemberId { get; set; }
        public string? PersonName { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? Until { get; set; }
        public int? DecisionId { get; set; }
    }

    public sealed class EndForm
    {
        public DateOnly? Until { get; set; }
        public int? DecisionId { get; set; }
    }
}
