using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Meetings;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.Meetings;

/// <summary>A meeting as typed: chairs and attendees are ticked from the member list.</summary>
public sealed class MeetingForm
{
    public string? Title { get; set; }
    public string? Kind { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? City { get; set; }
    public string? Host { get; set; }
    public string? Body { get; set; }
    public List<string> Chairs { get; set; } = [];
    public List<string> Attendees { get; set; } = [];
    public string? OtherAttendees { get; set; }

    public MeetingRequest ToRequest() => new(Title, Kind, StartDate, EndDate, City, Host, Body, Chairs, Attendees, OtherAttendees);

    public static MeetingForm From(MeetingDto m) => new()
    {
        Title = m.Title,
        Kind = m.Kind.ToString(),
        StartDate = m.StartDate,
        EndDate = m.EndDate,
        City = m.City,
        Host = m.Host,
        Body = m.Body,
        Chairs = [.. m.Chairs],
        Attendees = [.. m.Attendees],
        OtherAttendees = m.OtherAttendees,
    };
}

/// <summary>Records or changes a meeting; the secretariat's job.</summary>
public sealed class EditModel(AppDbContext db, MeetingService meetings) : PageModel
{
    public int? MeetingId { get; private set; }
    public IReadOnlyList<string> BodyCodes { get; private set; } = [];
    public IReadOnlyList<string> Members { get; private set; } = [];

    [BindProperty]
    public MeetingForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!await meetings.CanManageAsync(User))
        {
            return Forbid();
        }

        if (id is { } existing)
        {
            var meeting = await MeetingQueries.GetAsync(db, existing, ct);
            if (meeting is null)
            {
                return NotFound();
            }

            Form = MeetingForm.From(meeting);
            MeetingId = existing;
        }
        else
        {
            Form = new MeetingForm { Kind = nameof(MeetingKind.AdHocGroupSom) };
        }

        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var saved = await meetings.SaveAsync(User, id, Form.ToRequest(), ct);
        if (!saved.Succeeded)
        {
            MeetingId = id;
            return await this.RefusedAsync(saved.Outcome, () => LoadListsAsync(ct));
        }

        TempData["Message"] = $"'{saved.Value!.Title}' saved.";
        return RedirectToPage("Details", new { id = saved.Value.Id });
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        BodyCodes = await db.Bodies.AsNoTracking().OrderBy(b => b.Id).Select(b => b.Code).ToListAsync(ct);
        Members = await db.Members.AsNoTracking().OrderBy(m => m.Name).Select(m => m.Name).ToListAsync(ct);
    }
}
