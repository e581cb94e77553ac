using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Scorecards.Data;
using Scorecards.Domain.Meetings;
using Scorecards.Domain.Notices;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Infrastructure.Localization;

namespace Scorecards.Web.Features.Notices;

/// <summary>
/// Works out the notices that fall due with time rather than with a change: the reminders of open rounds' due dates
/// (<see cref="Reminders"/>), the secretariat's word of long-overdue scorecards, decisions whose due date or meeting is
/// a week away, and each morning's digest e-mail. One server at a time does it (a <see cref="JobLease"/>), every
/// scheduled notice has a key so it is written once however often this runs, and all of it goes by the app's clock.
/// </summary>
public sealed class NoticeScheduler(IServiceScopeFactory scopes, Notifier notifier, MailSettings mail, TimeProvider clock, IStringLocalizer<Strings> t)
{
    public const string LeaseName = "notices.schedule";
    public static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(5);

    /// <summary>When, in the day of the person's time zone, the digest of the day before is written.</summary>
    public static readonly TimeSpan DigestTime = TimeSpan.FromHours(7);

    /// <summary>How many days before a decision's due date or due meeting its owner body is told.</summary>
    public const int DecisionDaysBefore = 7;

    public string Owner { get; } = JobLease.NewOwner();

    /// <summary>Writes whatever has fallen due by now; false when another server holds the lease.</summary>
    public async Task<bool> RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await JobLease.TryTakeAsync(db, LeaseName, Owner, now, LeaseLength, ct))
        {
            return false;
        }

        // Notices are kept in English, each reader's language being given when they are shown or mailed.
        using var english = Languages.Use(Languages.English);
        var zone = await ProcessZoneAsync(db, ct);
        await RemindAsync(db, now, ct);
        await DecisionsAsync(db, zone, now, ct);
        await db.SaveChangesAsync(ct);
        await DigestsAsync(db, zone, now, ct);
        return true;
    }

    /// <summary>The zone of the Process's days where a notice has no round of its own: the latest round's, else Bangkok's.</summary>
    public static async Task<TimeZoneInfo> ProcessZoneAsync(AppDbContext db, CancellationToken ct) =>
        Reminders.Zone(await db.Rounds.AsNoTracking().OrderByDescending(r => r.OpensOn).ThenByDescending(r => r.Id).Select(r => r.TimeZone).FirstOrDefaultAsync(ct))
        ?? Reminders.Zone(Round.DefaultTimeZone) ?? TimeZoneInfo.Utc;

    private async Task RemindAsync(AppDbContext db, DateTime now, CancellationToken ct)
    {
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.Status == RoundStatus.Open).ToListAsync(ct);
        var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Code, ct);
        foreach (var round in rounds)
        {
            var zone = Reminders.Zone(round.TimeZone) ?? TimeZoneInfo.Utc;
            if (Reminders.Latest(round.DueOn, round.RemindDaysBefore, zone, now) is not { } stage)
            {
                continue;
            }

            var late = await db.Scorecards.AsNoTracking()
                .Where(s => s.RoundId == round.Id && Scorecard.Owed.Contains(s.Status))
                .Select(s => new { s.Id, s.BodyId }).ToListAsync(ct);
            var due = $"{round.DueOn:dddd d MMMM yyyy} (the end of that day, {round.TimeZone} time)";
            var days = round.DaysUntilDue(Reminders.Today(now, zone));
            foreach (var scorecard in late)
            {
                var body = bodies[scorecard.BodyId];
                var what = $"{body}'s scorecard for {round.Name}";
                var link = $"/scorecards/{scorecard.Id}";
                var reporters = await Recipients.ReportersAsync(db, scorecard.BodyId, ct);
                NoticeDraft draft = stage switch
                {
                    ReminderStage.DueSoon => new(NoticeKind.DueSoon, $"{what} is due in {days} {(days == 1 ? "day" : "days")}",
                        $"{what} is due on {due}. It is not submitted yet.", link),
                    ReminderStage.DueToday => new(NoticeKind.DueToday, $"{what} is due today",
                        $"{what} is due today, {due}. It is not submitted yet.", link),
                    _ => new(NoticeKind.Overdue, $"{what} is overdue",
                        $"{what} was due on {due} and is not submitted yet. Submit it as soon as you can, or tell the secretariat when it will come.", link),
                };
                await notifier.TellAsync(db, reporters, draft with { Key = $"reminder:{scorecard.Id}:{stage}", Deadline = (round.DueOn, round.TimeZone) }, ct);

                if (Reminders.Escalates(round.DueOn, round.EscalateAfterDays, zone, now))
                {
                    await notifier.TellAsync(db, await Recipients.AdministratorsAsync(db, ct), new NoticeDraft(NoticeKind.OverdueEscalation,
                        $"{what} is {-days} days overdue",
                        $"{what} was due on {due} and is not submitted: it is {-days} days overdue. Its reporters have been reminded.", link)
                    { Key = $"escalation:{scorecard.Id}" }, ct);
                }
            }
        }
    }

    private async Task DecisionsAsync(AppDbContext db, TimeZoneInfo zone, DateTime now, CancellationToken ct)
    {
        var today = Reminders.Today(now, zone);
        var horizon = today.AddDays(DecisionDaysBefore);
        var open = await db.Decisions.AsNoTracking().Where(d => d.Status == DecisionStatus.Open || d.Status == DecisionStatus.InProgress).ToListAsync(ct);
        var meetingIds = open.Where(d => d.DueMeetingId != null).Select(d => d.DueMeetingId!.Value).Union(open.Select(d => d.MeetingId)).Distinct().ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        foreach (var decision in open)
        {
            var from = meetings.TryGetValue(decision.MeetingId, out var taken) ? taken.Title : "a meeting";
            var what = $"Decision {decision.Number} of {from}";
            var reporters = await Recipients.ReportersAsync(db, decision.OwnerBodyId, ct);
            var link = $"/decisions/{decision.Id}";
            if (decision.DueDate is { } date && date >= today && date <= horizon)
            {
                await notifier.TellAsync(db, reporters, new NoticeDraft(NoticeKind.DecisionDue, $"{what} falls due on {date:d MMMM yyyy}",
                    $"{what}, which your body owns, falls due on {date:dddd d MMMM yyyy}:\n\n{decision.Text}\n\nIts status is {Decision.Label(decision.Status).ToLowerInvariant()}.", link)
                { Key = $"decision:{decision.Id}:date:{date:yyyy-MM-dd}" }, ct);
            }

            if (decision.DueMeetingId is { } meetingId && meetings.TryGetValue(meetingId, out var meeting) && meeting.StartDate >= today && meeting.StartDate <= horizon)
            {
                await notifier.TellAsync(db, reporters, new NoticeDraft(NoticeKind.DecisionDue, $"{what} is due at {meeting.Title}",
                    $"{what}, which your body owns, is due at {meeting.Title}, which starts on {meeting.StartDate:dddd d MMMM yyyy}:\n\n{decision.Text}\n\n"
                    + $"Its status is {Decision.Label(decision.Status).ToLowerInvariant()}.", link)
                { Key = $"decision:{decision.Id}:meeting:{meetingId}:{meeting.StartDate:yyyy-MM-dd}" }, ct);
            }
        }
    }

    /// <summary>
    /// Each person with notices waiting for the digest gets one e-mail listing them, once <see cref="DigestTime"/> has
    /// passed in their time zone; it carries what came before that time, and marks those notices as sent in the same
    /// transaction, so a second run or server finds nothing left to send.
    /// </summary>
    private async Task DigestsAsync(AppDbContext db, TimeZoneInfo processZone, DateTime now, CancellationToken ct)
    {
        var people = await db.Notices.AsNoTracking().Where(n => n.Delivery == Delivery.DailyDigest && n.DigestedUtc == null && n.CreatedUtc < now)
            .Select(n => n.UserId).Distinct().ToListAsync(ct);
        foreach (var userId in people)
        {
            var person = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName, u.DisabledUtc, u.TimeZone, u.Language }).SingleAsync(ct);
            var zone = Reminders.Zone(person.TimeZone) ?? processZone;
            var cutoff = Reminders.StartOfDayUtc(Reminders.Today(now, zone), zone) + DigestTime;
            if (now < cutoff)
            {
                continue;
            }

            var notices = await db.Notices.AsNoTracking().Where(n => n.UserId == userId && n.Delivery == Delivery.DailyDigest && n.DigestedUtc == null && n.CreatedUtc < cutoff)
                .OrderBy(n => n.CreatedUtc).ThenBy(n => n.Id).Take(200).ToListAsync(ct);
            if (notices.Count == 0)
            {
                continue;
            }

            var ids = notices.Select(n => n.Id).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var marked = await db.Notices.Where(n => ids.Contains(n.Id) && n.DigestedUtc == null).ExecuteUpdateAsync(u => u.SetProperty(n => n.DigestedUtc, now), ct);
            if (marked != ids.Count)
            {
                continue; // another run took some of them: it sends them
            }

            if (person.DisabledUtc is null && !string.IsNullOrEmpty(person.Email))
            {
                var day = TimeZoneInfo.ConvertTimeFromUtc(now, zone);
                using var language = Languages.Use(notifier.LanguageOf(person.Language));
                db.Outbox.Add(notifier.Mail(userId, person.Email, person.DisplayName, Notifier.DigestPurpose,
                    t["Your Scorecards notices, {0}: {1} new", day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture), notices.Count],
                    [notices.Count == 1 ? t["1 notice has come for you since the last digest:"] : t["{0} notices have come for you since the last digest:", notices.Count],
                        .. notices.Select(n => n.Link is null ? $"• {Phrases.Say(t, n.Subject)}" : $"• {Phrases.Say(t, n.Subject)}\n  {mail.Link(n.Link)}")],
                    "/notices", unsubscribe: null, now));
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
    }
}
