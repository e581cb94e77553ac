using System.Reflection;

namespace Scorecards.Web.Features.Setup;

/// <summary>
/// What is public about the Process and the Strategy, offered to a new installation: the members of the published list,
/// the six reporting bodies, and the Strategy's eight areas of cooperation. Never people, entries or objectives: the
/// Strategy's objectives are not public, and the secretariat adds the agreed ones.
/// </summary>
public static class StarterData
{
    public const string StrategyCode = "ASC-2023";
    public const string StrategyName = "2023 Adelaide Strategy for Cooperation";
    public const string StrategyDescription = "Endorsed at the Eighth Bali Process Ministerial Conference, Adelaide, 10 February 2023.";

    /// <summary>The Strategy's eight areas of cooperation, in its published order and wording, with the codes objectives start with.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> AreasOfCooperation =
    [
        ("LE", "Law enforcement"),
        ("SE", "Stakeholder engagement"),
        ("IS", "Information sharing and public information campaigns"),
        ("IM", "Irregular Migration and Related Transnational Crime"),
        ("BM", "Border Management"),
        ("VM", "Victim Protection and Migration Management"),
        ("RR", "Returns and Reintegration"),
        ("CS", "Coordination and support"),
    ];

    /// <summary>The six bodies that report against the Strategy.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Bodies =
    [
        ("WG-TIP", "Working Group on Trafficking in Persons"),
        ("D-WG", "Working Group on the Disruption of People Smuggling and Trafficking in Persons Networks"),
        ("TEG-RR", "Technical Experts Group on Returns and Reintegration"),
        ("TFPP", "Taskforce on Planning and Preparedness"),
        ("RSO", "Regional Support Office"),
        ("GABF", "Government and Business Forum"),
    ];

    /// <summary>The Process's Co-Chair governments since its founding.</summary>
    public static readonly IReadOnlyList<string> CoChairGovernments = ["Indonesia", "Australia"];

    /// <summary>The note each starter member carries, so that the register says where it came from.</summary>
    public const string MemberNote = "Starter data: the Bali Process's published list of members.";

    /// <summary>
    /// The published list of members as a members file (name, kind, status): 45 member states and territories and four
    /// member organisations. Observers are not listed by name in any public source.
    /// </summary>
    public static byte[] MembersCsv()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("Setup.members.csv", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
