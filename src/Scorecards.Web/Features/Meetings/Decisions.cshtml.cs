using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;

namespace Scorecards.Web.Features.Meetings;

/// <summary>Decisions across meetings; by default the open ones, so follow-up is tracked.</summary>
public sealed class DecisionsModel(AppDbContext db, MeetingService meetings) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Body { get; set; }

    /// <summary>open (the default), closed or all.</summary>
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public DecisionPage Results { get; private set; } = null!;
    public IReadOnlyList<string> BodyCodes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        bool? open = Show switch
        {
            "all" => null,
            "closed" => false,
            _ => true,
        };
        Results = await MeetingQueries.DecisionsAsync(db, new DecisionFilter(open, null, Body, null, Overdue, PageNumber, 50), meetings.Today, ct);
        BodyCodes = await db.Bodies.AsNoTracking().OrderBy(b => b.Id).Select(b => b.Code).ToListAsync(ct);
    }

    public string PageLink(int page) => "/decisions?" + string.Join("&", Request.Query.Where(q => q.Key != "page")
        .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}")).Append($"page={page}"));
}
