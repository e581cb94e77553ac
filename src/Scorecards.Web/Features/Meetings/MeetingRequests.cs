using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Meetings;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.Meetings;

/// <summary>A meeting as a client or form sends it: members by name, the body by code.</summary>
public sealed record MeetingRequest(string? Title, string? Kind, DateOnly? StartDate, DateOnly? EndDate, string? City, string? Host, string? Body,
    [MaxLength(RequestLimits.Members, ErrorMessage = RequestLimits.TooMany)] IReadOnlyList<string>? Chairs, [MaxLength(RequestLimits.Members, ErrorMessage = RequestLimits.TooMany)] IReadOnlyList<string>? Attendees,
    string? OtherAttendees)
{
    public async Task<Result<MeetingValues>> ToValuesAsync(AppDbContext db, CancellationToken ct)
    {
        var lookups = await Lookups.LoadAsync(db, ct);
        var errors = new List<FieldError>();
        MeetingKind? kind = null;
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            kind = Enum.TryParse<MeetingKind>(Kind.Trim(), ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : null;
            if (kind is null)
            {
                errors.Add(new FieldError("kind", $"'{Kind}' is not a kind of meeting; use one of {string.Join(", ", Enum.GetNames<MeetingKind>())}."));
            }
        }

        var values = new MeetingValues(Title, kind, StartDate, EndDate, City, lookups.MemberId(Host, "host", errors), lookups.BodyId(Body, "body", errors),
            lookups.MemberIds(Chairs, "chairs", errors), lookups.MemberIds(Attendees, "attendees", errors), OtherAttendees);
        errors.AddRange(values.Validate().Select(e => e with { Field = e.Field == "BodyId" ? "body" : char.ToLowerInvariant(e.Field[0]) + e.Field[1..] })
            .Where(e => !errors.Exists(x => x.Field == e.Field)));
        return errors.Count > 0 ? Result.Invalid(errors) : values;
    }
}

/// <summary>A decision as a client or form sends it: the owner body by code, the due meeting by id.</summary>
public sealed record DecisionRequest(string? Text, string? OwnerBody, int? DueMeeting, DateOnly? DueDate, string? Status, string? StatusNote)
{
    public async Task<Result<DecisionValues>> ToValuesAsync(AppDbContext db, CancellationToken ct)
    {
        var lookups = await Lookups.LoadAsync(db, ct);
        var errors = new List<FieldError>();
        var status = string.IsNullOrWhiteSpace(Status) ? DecisionStatus.Open : ParseStatus(Status, errors);
        if (DueMeeting is { } due && !await db.Meetings.AnyAsync(m => m.Id == due, ct))
        {
            errors.Add(new FieldError("dueMeeting", $"There is no meeting {due}."));
        }

        var values = new DecisionValues(Text, lookups.BodyId(OwnerBody, "ownerBody", errors), DueMeeting, DueDate, status, StatusNote);
        errors.AddRange(values.Validate().Select(e => e with { Field = e.Field == "OwnerBodyId" ? "ownerBody" : char.ToLowerInvariant(e.Field[0]) + e.Field[1..] })
            .Where(e => !errors.Exists(x => x.Field == e.Field)));
        return errors.Count > 0 ? Result.Invalid(errors) : values;
    }

    /// <summary>"open", "in progress", "InProgress" or "in-progress" all read as in progress.</summary>
    public static DecisionStatus? ParseStatus(string text, List<FieldError> errors)
    {
        var wanted = new string(text.Where(char.IsLetter).ToArray());
        if (Enum.TryParse<DecisionStatus>(wanted, ignoreCase: true, out var status))
        {
            return status;
        }

        errors.Add(new FieldError("status", $"'{text}' is not a status of a decision; use open, in progress, done or dropped."));
        return null;
    }
}

/// <summary>The owner's follow-up on a decision.</summary>
public sealed record DecisionStatusRequest(string? Status, string? Note);
