namespace Scorecards.Domain.Members;

public enum MemberKind
{
    State,
    Territory,
    SpecialAdministrativeRegion,
    Organisation,
}

public enum MemberStatus
{
    Member,
    Observer,
}

/// <summary>A participant of the Process: a state, territory, special administrative region or organisation.</summary>
public sealed class Member
{
    private Member()
    {
        Name = "";
    }

    public Member(string name, MemberKind kind, MemberStatus status)
    {
        Name = name.Trim();
        Kind = kind;
        Status = status;
    }

    public int Id { get; private set; }
    public string Name { get; set; }
    public MemberKind Kind { get; set; }
    public MemberStatus Status { get; set; }

    public static bool TryParseKind(string text, out MemberKind kind)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "state":
                kind = MemberKind.State;
                return true;
            case "territory":
                kind = MemberKind.Territory;
                return true;
            case "special administrative region":
            case "sar":
                kind = MemberKind.SpecialAdministrativeRegion;
                return true;
            case "organisation":
            case "organization":
                kind = MemberKind.Organisation;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}
