using System.Text.RegularExpressions;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Domain.Bodies;

/// <summary>A reporting body: a working group, the RSO or the GABF.</summary>
public sealed partial class Body
{
    public const int MaxName = 300;
    public const int MaxCoChairs = 6;
    public const int MaxPersonName = 200;

    private readonly List<BodyCoChair> _coChairs = [];
    private readonly List<BodySeat> _seats = [];

    private Body()
    {
        Code = "";
        Name = "";
    }

    public Body(string code, string name)
    {
        Code = code.Trim().ToUpperInvariant();
        Name = name.Trim();
    }

    public int Id { get; private set; }

    /// <summary>The short name the Process uses, such as WG-TIP.</summary>
    public string Code { get; private set; }
    public string Name { get; private set; }
    public bool IsActive { get; private set; } = true;

    /// <summary>Every co-chair's term, past, current and future.</summary>
    public IReadOnlyList<BodyCoChair> CoChairs => _coChairs;

    /// <summary>Every seat members have held on the body, past and current.</summary>
    public IReadOnlyList<BodySeat> Seats => _seats;

    /// <summary>A new body with its code and full name, or the fields at fault; whether the code is taken is the register's to say.</summary>
    public static Result<Body> Create(string? code, string? name)
    {
        var errors = new List<FieldError>();
        var normalised = code?.Trim().ToUpperInvariant();
        if (normalised is null || !CodePattern().IsMatch(normalised))
        {
            errors.Add(new FieldError(nameof(Code), "Give a short code of 2–20 capital letters, digits and hyphens, such as WG-TIP."));
        }

        CheckName(name, errors);
        return errors.Count > 0 ? Result.Invalid("body.invalid", errors) : new Body(normalised!, name!);
    }

    /// <summary>Renames the body and takes it in or out of reporting; its seats and co-chairs change by their own terms.</summary>
    public Result Change(string? name, bool isActive)
    {
        var errors = new List<FieldError>();
        CheckName(name, errors);
        if (errors.Count > 0)
        {
            return Result.Invalid("body.invalid", errors);
        }

        Name = name!.Trim();
        IsActive = isActive;
        return Result.Ok();
    }

    /// <summary>The members that sit on the body on a day.</summary>
    public IEnumerable<BodySeat> SeatsOn(DateOnly day) => _seats.Where(s => s.HeldOn(day));

    /// <summary>The body's co-chairs on a day.</summary>
    public IEnumerable<BodyCoChair> CoChairsOn(DateOnly day) => _coChairs.Where(c => c.HeldOn(day));

    /// <summary>
    /// Gives a member a seat from a day (none: since before the register began), by a meeting decision. A member holds one seat
    /// at a time: a seat it already holds from then on is refused. Whether it takes part in the Process then is the register's to say.
    /// </summary>
    public Result AddSeat(int memberId, string memberName, DateOnly? from, int? decisionId)
    {
        if (_seats.Find(s => s.MemberId == memberId && s.Overlaps(from, null)) is { } held)
        {
            return Result.Invalid("seat.overlap", [new FieldError("MemberId", $"{memberName} already sits on {Code} {held.Describe()}; end that seat first.")]);
        }

        _seats.Add(new BodySeat(memberId, from, decisionId));
        return Result.Ok();
    }

    /// <summary>Ends a seat on its last day, by a meeting decision.</summary>
    public Result EndSeat(int seatId, DateOnly? until, int? decisionId)
    {
        if (_seats.Find(s => s.Id == seatId) is not { } seat)
        {
            return Result.NotFound($"Seat {seatId} on {Code}");
        }

        return seat.End(until, decisionId);
    }

    /// <summary>
    /// Adds a co-chair's term: a member (by id) or a person who is not a member (the GABF's business leaders), from a day
    /// (none: since before the register began) and, when known, to its last day. A co-chair's terms do not overlap, and a body has at
    /// most <see cref="MaxCoChairs"/> co-chairs at once.
    /// </summary>
    public Result AddCoChair(int? memberId, string? memberName, string? personName, DateOnly? from, DateOnly? until, int? decisionId)
    {
        var errors = new List<FieldError>();
        var person = string.IsNullOrWhiteSpace(personName) ? null : personName.Trim();
        if ((memberId is null) == (person is null))
        {
            errors.Add(new FieldError("MemberId", "Choose a member, or name a person who is not a member — one of the two."));
        }
        else if (person?.Length > MaxPersonName)
        {
            errors.Add(new FieldError("PersonName", $"A co-chair's name may be at most {MaxPersonName} characters."));
        }

        if (from is { } start && until is { } end && end < start)
        {
            errors.Add(new FieldError("Until", $"The term ends ({end:yyyy-MM-dd}) before it begins ({start:yyyy-MM-dd})."));
        }

        if (errors.Count == 0)
        {
            var who = memberName ?? person!;
            if (_coChairs.Find(c => c.MemberId == memberId && c.PersonName == person && c.Overlaps(from, until)) is { } held)
            {
                errors.Add(new FieldError(memberId is null ? "PersonName" : "MemberId", $"{who} already co-chairs {Code} {held.Describe()}; a co-chair's terms cannot overlap."));
            }
            else if (MostAtOnce(_coChairs.Where(c => c.Overlaps(from, until)).ToList(), from) >= MaxCoChairs)
            {
                errors.Add(new FieldError("MemberId", $"{Code} already has {MaxCoChairs} co-chairs in that time; a body has at most {MaxCoChairs} at once."));
            }
        }

        if (errors.Count > 0)
        {
            return Result.Invalid("co-chair.invalid", errors);
        }

        _coChairs.Add(new BodyCoChair(memberId, person, from, until, decisionId));
        return Result.Ok();
    }

    /// <summary>Ends a co-chair's term on its last day.</summary>
    public Result EndCoChair(int termId, DateOnly? until)
    {
        if (_coChairs.Find(c => c.Id == termId) is not { } term)
        {
            return Result.NotFound($"Co-chair term {termId} on {Code}");
        }

        return term.End(until, null);
    }

    /// <summary>
    /// The most of these terms held on one day from <paramref name="from"/> on: the count is highest on a day one of them begins,
    /// or on the first day itself.
    /// </summary>
    private static int MostAtOnce(List<BodyCoChair> terms, DateOnly? from)
    {
        var first = from ?? DateOnly.MinValue;
        return terms.Select(t => t.From is { } start && start > first ? start : first).Distinct()
            .Select(day => terms.Count(t => t.HeldOn(day))).DefaultIfEmpty(0).Max();
    }

    private static void CheckName(string? name, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxName)
        {
            errors.Add(new FieldError(nameof(Name), $"Give the body's full name (at most {MaxName} characters)."));
        }
    }

    [GeneratedRegex("^[A-Z][A-Z0-9-]{1,19}$")]
    private static partial Regex CodePattern();
}

/// <summary>
/// A time something is held: from a day (none: since before the register began) to its last day (none: still held), with the
/// meeting decisions that began and ended it.
/// </summary>
public abstract class Term
{
    public DateOnly? From { get; private protected set; }

    /// <summary>The last day it was held.</summary>
    public DateOnly? Until { get; private protected set; }
    public int? FromDecisionId { get; private protected set; }
    public int? UntilDecisionId { get; private protected set; }

    public bool HeldOn(DateOnly day) => (From is null || From <= day) && (Until is null || Until >= day);

    /// <summary>Whether it shares a day with the time from <paramref name="from"/> to <paramref name="until"/> (open-ended when null).</summary>
    public bool Overlaps(DateOnly? from, DateOnly? until) =>
        (Until is null || from is null || Until >= from) && (until is null || From is null || From <= until);

    public string Describe() => (From, Until) switch
    {
        (null, null) => "since before the register began",
        ({ } start, null) => $"since {start:yyyy-MM-dd}",
        (null, { } end) => $"until {end:yyyy-MM-dd}",
        ({ } start, { } end) => $"from {start:yyyy-MM-dd} to {end:yyyy-MM-dd}",
    };

    internal Result End(DateOnly? until, int? decisionId)
    {
        if (until is not { } last)
        {
            return Result.Invalid("term.invalid", [new FieldError("Until", "Give the last day it was held (YYYY-MM-DD).")]);
        }

        if (Until is { } ended && ended <= last)
        {
            return Result.Fail("term.ended", $"It already ended on {ended:yyyy-MM-dd}.");
        }

        if (From is { } start && last < start)
        {
            return Result.Invalid("term.invalid", [new FieldError("Until", $"It began on {start:yyyy-MM-dd}; its last day cannot come before that.")]);
        }

        Until = last;
        UntilDecisionId = decisionId;
        return Result.Ok();
    }
}

/// <summary>A member's seat on a body.</summary>
public sealed class BodySeat : Term
{
    private BodySeat()
    {
    }

    public BodySeat(int memberId, DateOnly? from, int? decisionId)
    {
        MemberId = memberId;
        From = from;
        FromDecisionId = decisionId;
    }

    public int Id { get; private set; }
    public int BodyId { get; private set; }
    public int MemberId { get; private set; }
}

/// <summary>A co-chair's term on a body: a member, or (for the GABF) a named business leader.</summary>
public sealed class BodyCoChair : Term
{
    private BodyCoChair()
    {
    }

    public BodyCoChair(int? memberId, string? personName, DateOnly? from = null, DateOnly? until = null, int? decisionId = null)
    {
        MemberId = memberId;
        PersonName = string.IsNullOrWhiteSpace(personName) ? null : personName.Trim();
        From = from;
        Until = until;
        FromDecisionId = decisionId;
    }

    public int Id { get; private set; }
    public int BodyId { get; private set; }
    public int? MemberId { get; private set; }
    public string? PersonName { get; private set; }
}
