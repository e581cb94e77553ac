using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;
using Scorecards.Domain.Secondments;
using Scorecards.Web.Features.Members;

namespace Scorecards.Web.Features.Secondments;

/// <summary>The expressions of interest the reader may see, by status and member, and the programme's figures per year.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public SecondmentStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? Member { get; set; }

    public SecondmentAccess Access { get; private set; } = SecondmentAccess.None;
    public SecondmentList List { get; private set; } = new([], []);
    public IReadOnlyList<(int Id, string Name)> Members { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Access = await SecondmentAccess.ForAsync(User, db, ct);
        List = await SecondmentQueries.ListAsync(db, Access, Status, Member, ct);
        if (Access.ReadsAll)
        {
            Members = await RegisterQueries.ChoicesAsync(db.Members.Where(m => db.Secondments.Any(s => s.MemberId == m.Id)), ct);
        }
    }
}
