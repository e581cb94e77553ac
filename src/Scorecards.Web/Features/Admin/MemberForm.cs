using Scorecards.Domain.Members;

namespace Scorecards.Web.Features.Admin;

/// <summary>A member as typed in the add and edit forms, with the checks both share.</summary>
public sealed class MemberForm
{
    public string? Name { get; set; }
    public MemberKind Kind { get; set; }
    public MemberStatus Status { get; set; }

    public IEnumerable<(string Field, string Message)> Validate(bool nameTaken)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 200)
        {
            yield return ("Input.Name", "Give the member's name as the Process writes it (at most 200 characters).");
        }
        else if (nameTaken)
        {
            yield return ("Input.Name", $"A member named '{Name.Trim()}' already exists.");
        }

        if (!Enum.IsDefined(Kind))
        {
            yield return ("Input.Kind", "Choose a kind.");
        }

        if (!Enum.IsDefined(Status))
        {
            yield return ("Input.Status", "Choose member or observer.");
        }
    }

    public static string KindLabel(MemberKind kind) => kind switch
    {
        MemberKind.State => "State",
        MemberKind.Territory => "Territory",
        MemberKind.SpecialAdministrativeRegion => "Special administrative region",
        MemberKind.Organisation => "Organisation",
        _ => kind.ToString(),
    };
}
