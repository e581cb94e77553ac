using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;
using Scorecards.Domain.Meetings;

namespace Scorecards.Web.Features.Meetings;

public sealed class IndexModel(AppDbContext db, MeetingService meetings) : PageModel
{
    [BindProperty(SupportsGet = true)] public MeetingKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public MeetingPage Results { get; private set; } = null!;
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Results = await MeetingQueries.SearchAsync(db, new MeetingFilter(Kind, null, null, From, To, Q, PageNumber, 25), ct);
        CanManage = await meetings.CanManageAsync(User);
    }

    public string PageLink(int page) => "/meetings?" + string.Join("&", Request.Query.Where(q => q.Key != "page")
        .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}")).Append($"page={page}"));
}
