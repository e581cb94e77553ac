using Scorecards.Domain.Members;
using Scorecards.Web.Features.Members;

namespace Scorecards.Web.Features.Admin;

/// <summary>A member as typed in the add and edit forms, with the checks both share.</summary>
public sealed class MemberForm
{
    public string? Name { get; set; }
    public MemberKind Kind { get; set; }
    public MemberStatus Status { get; set; }

    /// <summary>The day it joined, when known; empty for a member on record since before the register began.</summary>
    public DateOnly? Since { get; set; }

    /// <summary>The meeting decision by which it joined, when recorded.</summary>
    public int? DecisionId { get; set; }

    public MemberRequest ToRequest() => new(Name, Kind, Status, Since, DecisionId);

    public MemberChange ToChange() => new(Name, Kind);

    public static string KindLabel(MemberKind kind) => kind switch
    {
        MemberKind.State => "State",
        MemberKind.Territory => "Territory",
        MemberKind.SpecialAdministrativeRegion => "Special administrative region",
        MemberKind.Organisation => "Organisation",
        _ => kind.ToString(),
    };
}
