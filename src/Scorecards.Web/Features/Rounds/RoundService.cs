using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Features.Framework;

namespace Scorecards.Web.Features.Rounds;

public sealed record RoundInput(string? Name, string? Meeting, DateOnly? PeriodStart, DateOnly? PeriodEnd, DateOnly? OpensOn, DateOnly? DueOn,
    DateOnly? MeetingOn = null, string? TimeZone = null, int? RemindDaysBefore = null, int? EscalateAfterDays = null, int? MeetingId = null)
{
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add(new FieldError(nameof(Name), "Give the round a name, such as \"19th AHG SOM, 2026\"."));
        }
        else if (Name.Length > 200)
        {
            errors.Add(new FieldError(nameof(Name), "The name is longer than 200 characters."));
        }

        if (Meeting?.Length > 300)
        {
            errors.Add(new FieldError(nameof(Meeting), "The meeting is longer than 300 characters."));
        }

        if (MeetingId is not null && (!string.IsNullOrWhiteSpace(Meeting) || MeetingOn is not null))
        {
            errors.Add(new FieldError(nameof(MeetingId),
                "Choose the recorded meeting or name one not yet recorded, not both: a recorded meeting gives the round its name and day."));
        }

        if (MeetingOn is { } meeting && PeriodStart is { } first && meeting < first)
        {
            errors.Add(new FieldError(nameof(MeetingOn), "The meeting cannot be before the period it reports on starts."));
        }

        if (!string.IsNullOrWhiteSpace(TimeZone) && Domain.Notices.Reminders.Zone(TimeZone.Trim()) is null)
        {
            errors.Add(new FieldError(nameof(TimeZone), $"'{(TimeZone.Length > 60 ? TimeZone[..60] + "…" : TimeZone)}' is not a time zone this server knows; give an IANA name such as Asia/Bangkok or Australia/Sydney."));
        }

        if (RemindDaysBefore is < 0 or > Round.MaxReminderDays)
        {
            errors.Add(new FieldError(nameof(RemindDaysBefore), $"Remind between 0 and {Round.MaxReminderDays} days before the due date (0 for no early reminder)."));
        }

        if (EscalateAfterDays is < 0 or > Round.MaxReminderDays)
        {
            errors.Add(new FieldError(nameof(EscalateAfterDays), $"Tell the secretariat after between 0 and {Round.MaxReminderDays} days overdue (0 for never)."));
        }

        Required(errors, nameof(PeriodStart), PeriodStart, "the first day of the period covered");
        Required(errors, nameof(PeriodEnd), PeriodEnd, "the last day of the period covered");
        Required(errors, nameof(OpensOn), OpensOn, "the day reporting opens");
        Required(errors, nameof(DueOn), DueOn, "the day scorecards are due");
        if (errors.Count == 0)
        {
            var dates = Round.ValidateDates(PeriodStart!.Value, PeriodEnd!.Value, OpensOn!.Value, DueOn!.Value);
            if (!dates.Succeeded)
            {
                errors.Add(new FieldError(dates.Code == "round.period" ? nameof(PeriodEnd) : nameof(DueOn), dates.Message!));
            }
        }

        return errors;
    }

    private static void Required(List<FieldError> errors, string field, DateOnly? value, string what)
    {
        if (value is null)
        {
            errors.Add(new FieldError(field, $"Give {what} as a date (YYYY-MM-DD)."));
        }
    }
}

/// <summary>Creates rounds and moves them through their states; opening a round gives every body its scorecard.</summary>
public sealed class RoundService(AppDbContext db)
{
    public async Task<Result<Round>> CreateAsync(RoundInput input, CancellationToken ct)
    {
        var errors = input.Validate().ToList();
        if (errors.Count == 0 && await db.Rounds.AnyAsync(r => r.Name == input.Name!.Trim(), ct))
        {
            errors.Add(new FieldError(nameof(RoundInput.Name), $"A round named '{input.Name!.Trim()}' already exists."));
        }

        var meeting = input.MeetingId is { } meetingId ? await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct) : null;
        if (input.MeetingId is not null && meeting is null)
        {
            errors.Add(new FieldError(nameof(RoundInput.MeetingId), $"There is no meeting {input.MeetingId} on record."));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        var round = new Round(input.Name!.Trim(), string.IsNullOrWhiteSpace(input.Meeting) ? null : input.Meeting.Trim(),
            input.PeriodStart!.Value, input.PeriodEnd!.Value, input.OpensOn!.Value, input.DueOn!.Value)
        {
            MeetingOn = input.MeetingOn,
            TimeZone = string.IsNullOrWhiteSpace(input.TimeZone) ? Round.DefaultTimeZone : input.TimeZone.Trim(),
            RemindDaysBefore = input.RemindDaysBefore ?? 7,
            EscalateAfterDays = input.EscalateAfterDays ?? 7,
        };
        if (meeting is not null && round.ReportTo(meeting.Id, meeting.Describe(), meeting.StartDate) is { Succeeded: false } refused)
        {
            return Result.Invalid([new FieldError(nameof(RoundInput.MeetingId), refused.Message!)]);
        }

        db.Rounds.Add(round);
        await db.SaveChangesAsync(ct);
        return round;
    }

    /// <summary>Ties a round to the record of the meeting it reports to, once that meeting is recorded.</summary>
    public async Task<Result> ReportToAsync(Round round, int meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Result.NotFound($"Meeting {meetingId}");
        }

        return await ChangeStateAsync(round, r => r.ReportTo(meeting.Id, meeting.Describe(), meeting.StartDate), ct);
    }

    /// <summary>After a meeting's record changes, the rounds still open to change that report to it say what it now says.</summary>
    public static async Task FollowMeetingAsync(AppDbContext db, Domain.Meetings.Meeting meeting, CancellationToken ct)
    {
        var linked = await db.Rounds.Where(r => r.MeetingId == meeting.Id && r.Status != RoundStatus.Published && r.Status != RoundStatus.Archived).ToListAsync(ct);
        foreach (var round in linked)
        {
            // A meeting moved before the round's period keeps the round's day as it was; the link and the name still follow.
            if (!round.ReportTo(meeting.Id, meeting.Describe(), meeting.StartDate).Succeeded)
            {
                round.ReportTo(meeting.Id, meeting.Describe(), round.MeetingOn ?? round.PeriodEnd);
            }
        }
    }

    /// <summary>
    /// Opens a round: each active body with objectives gets a scorecard, whose entries start from the
    /// body's last approved entries, marked "carried over" until a reporter saves them.
    /// </summary>
    public async Task<Result> OpenAsync(Round round, CancellationToken ct)
    {
        var opened = round.Open();
        if (!opened.Succeeded)
        {
            return opened;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await CreateScorecardsAsync(round, ct);
        await transaction.CommitAsync(ct);
        return Result.Ok();
    }

    public async Task<Result> ChangeStateAsync(Round round, Func<Round, Result> change, CancellationToken ct)
    {
        var result = change(round);
        if (result.Succeeded)
        {
            await db.SaveChangesAsync(ct);
        }

        return result;
    }

    public async Task CreateScorecardsAsync(Round round, CancellationToken ct)
    {
        var assignments = await FrameworkQueries.AssignmentsAsync(db, ct);
        var existing = await db.Scorecards.Include(s => s.Entries).Where(s => s.RoundId == round.Id).ToListAsync(ct);
        foreach (var (bodyId, objectiveIds) in assignments)
        {
            var scorecard = existing.Find(s => s.BodyId == bodyId);
            if (scorecard is null)
            {
                scorecard = new Scorecard(round.Id, bodyId);
                db.Scorecards.Add(scorecard);
            }

            var added = scorecard.EnsureEntries(objectiveIds);
            await CarryOverAsync(round, scorecard, added, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task CarryOverAsync(Round round, Scorecard scorecard, IReadOnlyList<Entry> added, CancellationToken ct)
    {
        if (added.Count == 0)
        {
            return;
        }

        var previous = await db.Scorecards.AsNoTracking()
            .Where(s => s.BodyId == scorecard.BodyId && s.RoundId != round.Id && s.Status == ScorecardStatus.Approved)
            .Join(db.Rounds.Where(r => r.PeriodEnd <= round.PeriodEnd), s => s.RoundId, r => r.Id, (s, r) => new { s.Id, r.Name, r.PeriodEnd })
            .OrderByDescending(x => x.PeriodEnd)
            .FirstOrDefaultAsync(ct);
        if (previous is null)
        {
            return;
        }

        var objectiveIds = added.Select(e => e.ObjectiveId).ToList();
        var entries = await db.Entries.AsNoTracking().Include(e => e.IndicatorValues)
            .Where(e => e.ScorecardId == previous.Id && objectiveIds.Contains(e.ObjectiveId)).ToListAsync(ct);
        foreach (var entry in added)
        {
            if (entries.Find(e => e.ObjectiveId == entry.ObjectiveId) is { Completion: not null } last)
            {
                scorecard.CarryOver(entry, last, previous.Name);
            }
        }
    }
}
