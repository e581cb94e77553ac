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
    public IReadOnlyList<BodyCoChair> CoChairs => _coChairs;

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

    /// <summary>
    /// Renames the body, takes it in or out of reporting, and sets its co-chairs: members (by id) and people who are not
    /// members (the GABF's business leaders), at most <see cref="MaxCoChairs"/> in all.
    /// </summary>
    public Result Change(string? name, bool isActive, IReadOnlyCollection<int> memberCoChairs, IReadOnlyCollection<string> personCoChairs)
    {
        var errors = new List<FieldError>();
        CheckName(name, errors);
        var members = memberCoChairs.Distinct().ToList();
        var people = personCoChairs.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct().ToList();
        if (members.Count + people.Count > MaxCoChairs)
        {
            errors.Add(new FieldError("CoChairPeople", $"A body has at most {MaxCoChairs} co-chairs."));
        }

        if (people.Exists(p => p.Length > MaxPersonName))
        {
            errors.Add(new FieldError("CoChairPeople", $"Each co-chair's name may be at most {MaxPersonName} characters."));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid("body.invalid", errors);
        }

        Name = name!.Trim();
        IsActive = isActive;
        _coChairs.Clear();
        _coChairs.AddRange(members.Select(id => new BodyCoChair(id, null)).Concat(people.Select(p => new BodyCoChair(null, p))));
        return Result.Ok();
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

/// <summary>A co-chair of a body: a member, or (for the GABF) a named business leader.</summary>
public sealed class BodyCoChair
{
    private BodyCoChair()
    {
    }

    public BodyCoChair(int? memberId, string? personName)
    {
        MemberId = memberId;
        PersonName = string.IsNullOrWhiteSpace(personName) ? null : personName.Trim();
    }

    public int Id { get; private set; }
    public int BodyId { get; private set; }
    public int? MemberId { get; private set; }
    public string? PersonName { get; private set; }
}
