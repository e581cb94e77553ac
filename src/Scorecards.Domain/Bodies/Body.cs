namespace Scorecards.Domain.Bodies;

/// <summary>A reporting body: a working group, the RSO or the GABF.</summary>
public sealed class Body
{
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
    public string Code { get; set; }
    public string Name { get; set; }
    public bool IsActive { get; set; } = true;
    public IReadOnlyList<BodyCoChair> CoChairs => _coChairs;

    public void SetCoChairs(IEnumerable<BodyCoChair> coChairs)
    {
        _coChairs.Clear();
        _coChairs.AddRange(coChairs);
    }
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
