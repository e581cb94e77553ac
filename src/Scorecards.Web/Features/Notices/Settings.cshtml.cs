using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Data.Notices;
using Scorecards.Domain.Notices;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Notices;

/// <summary>
/// Which notices come by e-mail, kind by kind: each at once, one e-mail a day, or only in the app. The reminders of a
/// body's own deadlines cannot be switched off, only gathered into the daily e-mail.
/// </summary>
public sealed class SettingsModel(AppDbContext db) : PageModel
{
    public IReadOnlyDictionary<NoticeKind, Delivery> Chosen { get; private set; } = new Dictionary<NoticeKind, Delivery>();

    /// <summary>The kinds this person can receive, by their roles; the form offers only these.</summary>
    public IReadOnlyList<NoticeKind> Kinds => Relevant(User);

    /// <summary>The choice per kind, by the kind's name, as the form posts it.</summary>
    [BindProperty]
    public Dictionary<string, string> Choices { get; set; } = [];

    /// <summary>The person's own time zone, or empty for the Process's.</summary>
    [BindProperty]
    public string? TimeZone { get; set; }

    public string ProcessZone { get; private set; } = "";

    /// <summary>The time zones this server knows, by IANA name.</summary>
    public static IReadOnlyList<string> Zones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal) && !id.StartsWith("Etc/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostZoneAsync(CancellationToken ct)
    {
        var zone = string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone.Trim();
        if (zone is not null && (zone.Length > 64 || Reminders.Zone(zone) is null))
        {
            ModelState.AddModelError(nameof(TimeZone), $"'{Clip(zone)}' is not a time zone this server knows; choose one from the list.");
            await LoadAsync(ct);
            return this.Invalid();
        }

        var user = await db.Users.SingleAsync(u => u.Id == User.UserId(), ct);
        user.TimeZone = zone;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = zone is null ? "You read times in the Process's time zone." : $"You read times in {zone} time.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Chosen = await ChosenAsync(db, User.UserId(), ct);
        TimeZone ??= await db.Users.AsNoTracking().Where(u => u.Id == User.UserId()).Select(u => u.TimeZone).SingleOrDefaultAsync(ct);
        ProcessZone = (await NoticeScheduler.ProcessZoneAsync(db, ct)).Id;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var parsed = new Dictionary<NoticeKind, Delivery>();
        foreach (var (name, value) in Choices.Take(NoticeKinds.All.Count + 1))
        {
            if (!Enum.TryParse<NoticeKind>(name, out var kind) || !Enum.IsDefined(kind))
            {
                ModelState.AddModelError(nameof(Choices), $"'{Clip(name)}' is not a kind of notice.");
            }
            else if (!Enum.TryParse<Delivery>(value, out var delivery) || !Enum.IsDefined(delivery))
            {
                ModelState.AddModelError(nameof(Choices), $"For \"{NoticeKinds.Label(kind)}\", '{Clip(value)}' is not a choice; choose one of those offered.");
            }
            else if (!NoticeKinds.Allows(kind, delivery))
            {
                ModelState.AddModelError(nameof(Choices), $"\"{NoticeKinds.Label(kind)}\" reminds you of your body's own deadline: it can come in the daily e-mail, but not be switched off.");
            }
            else
            {
                parsed[kind] = delivery;
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return this.Invalid();
        }

        await SaveAsync(db, User.UserId(), parsed, ct);
        TempData["Message"] = "Your choices are saved.";
        return RedirectToPage();
    }

    /// <summary>The kinds of notice a person with these roles can receive.</summary>
    public static IReadOnlyList<NoticeKind> Relevant(System.Security.Claims.ClaimsPrincipal user)
    {
        var kinds = new HashSet<NoticeKind> { NoticeKind.RoundPublished };
        if (user.IsInRole(Data.Accounts.Roles.Reporter))
        {
            kinds.UnionWith([NoticeKind.RoundOpened, NoticeKind.DueSoon, NoticeKind.DueToday, NoticeKind.Overdue, NoticeKind.Returned,
                NoticeKind.ApprovedByOne, NoticeKind.ApprovedByBoth, NoticeKind.DecisionDue]);
        }

        if (user.IsCoChair())
        {
            kinds.Add(NoticeKind.AwaitingReview);
        }

        // The RSO's reporters and the members' focal points; the page cannot tell a reporter's body without a read, so every reporter may choose.
        if (user.IsInRole(Data.Accounts.Roles.Reporter) || user.IsInRole(Data.Accounts.Roles.MemberViewer))
        {
            kinds.Add(NoticeKind.SecondmentStep);
        }

        if (user.IsAdministrator())
        {
            kinds.Add(NoticeKind.OverdueEscalation);
        }

        return [.. NoticeKinds.All.Where(kinds.Contains)];
    }

    /// <summary>What a person takes, kind by kind: their own choice where they made one, else the default.</summary>
    public static async Task<IReadOnlyDictionary<NoticeKind, Delivery>> ChosenAsync(AppDbContext db, string userId, CancellationToken ct)
    {
        var own = await db.NoticePreferences.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, p => p.Delivery, ct);
        return NoticeKinds.All.ToDictionary(k => k, k => NoticeKinds.Effective(k, own.TryGetValue(k, out var d) ? d : null));
    }

    /// <summary>Stores the choices that differ from the default, and forgets those that no longer do.</summary>
    public static async Task SaveAsync(AppDbContext db, string userId, IReadOnlyDictionary<NoticeKind, Delivery> choices, CancellationToken ct)
    {
        var kinds = choices.Keys.ToList();
        var stored = await db.NoticePreferences.Where(p => p.UserId == userId && kinds.Contains(p.Kind)).ToListAsync(ct);
        foreach (var (kind, delivery) in choices)
        {
            var row = stored.Find(p => p.Kind == kind);
            if (delivery == NoticeKinds.Default(kind))
            {
                if (row is not null)
                {
                    db.NoticePreferences.Remove(row);
                }
            }
            else if (row is null)
            {
                db.NoticePreferences.Add(new NoticePreference { UserId = userId, Kind = kind, Delivery = delivery });
            }
            else
            {
                row.Delivery = delivery;
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
