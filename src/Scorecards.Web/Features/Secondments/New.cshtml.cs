using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Web.Features.Members;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.Secondments;

/// <summary>A focal point expresses its member's interest; the RSO or the secretariat records one for any member.</summary>
public sealed class NewModel(AppDbContext db, SecondmentService service) : PageModel
{
    public SecondmentAccess Access { get; private set; } = SecondmentAccess.None;
    public string? FocalMember { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Members { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> FocusAreas { get; private set; } = [];

    [BindProperty] public InterestForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var submitted = await service.SubmitAsync(User, new InterestRequest(Form.MemberId, Form.Agency, Form.AreaOfWork, Form.PreferredStart, Form.PreferredEnd,
            Form.FocusAreas, Form.NomineeName, Form.NomineePosition), ct);
        if (!submitted.Succeeded)
        {
            return await this.RefusedAsync(submitted.Outcome, () => LoadAsync(ct));
        }

        TempData["Message"] = "Your expression of interest has reached the RSO.";
        return Redirect($"/secondments/{submitted.Value!.Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Access = await SecondmentAccess.ForAsync(User, db, ct);
        if (!Access.MaySubmit)
        {
            return false;
        }

        if (Access.FocalPointOf is { } member)
        {
            FocalMember = await db.Members.Where(m => m.Id == member).Select(m => m.Name).SingleAsync(ct);
        }
        else
        {
            Members = await RegisterQueries.ChoicesAsync(db.Members.Where(m => m.Status != Domain.Members.MemberStatus.Withdrawn), ct);
        }

        FocusAreas = (await db.FocusAreas.AsNoTracking().Where(f => !f.IsRetired).OrderBy(f => f.SortOrder).Select(f => new { f.Code, f.Name }).ToListAsync(ct))
            .Select(f => (f.Code, f.Name)).ToList();
        return true;
    }

    public sealed class InterestForm
    {
        public int? MemberId { get; set; }
        public string? Agency { get; set; }
        public string? AreaOfWork { get; set; }
        public DateOnly? PreferredStart { get; set; }
        public DateOnly? PreferredEnd { get; set; }
        public List<string> FocusAreas { get; set; } = [];
        public string? NomineeName { get; set; }
        public string? NomineePosition { get; set; }
    }
}
