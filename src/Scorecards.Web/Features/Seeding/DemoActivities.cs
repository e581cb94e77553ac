using Scorecards.Domain.Activities;

namespace Scorecards.Web.Features.Seeding;

/// <summary>One demo activity from the reference statement.</summary>
internal sealed record DemoActivity(string Body, string Title, ActivityKind Kind, DateOnly Start, DateOnly End, string? City, string? Member,
    ActivityStatus Status, string[] Objectives, string? Partners = null, string[]? PartnerMembers = null, string? Outputs = null);

/// <summary>
/// Activities reported in the Co-Chairs' Statement of the 18th AHG SOM (Bangkok, 21 May 2025), with its
/// dates and places. Where the statement gives only a month, the activity spans that month; where it gives
/// only "since then", it spans the months between the meetings it names.
/// </summary>
internal static class DemoActivities
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    public static readonly IReadOnlyList<DemoActivity> All =
    [
        new("WG-TIP", "WG-TIP 10th Anniversary Commemorative Dialogue", ActivityKind.Meeting, D(2024, 11, 1), D(2024, 11, 30), "Bangkok", "Thailand", ActivityStatus.Delivered, ["SE-4"]),
        new("WG-TIP", "WG-TIP 10th Annual Meeting", ActivityKind.Meeting, D(2024, 11, 1), D(2024, 11, 30), "Bangkok", "Thailand", ActivityStatus.Delivered, ["VP-1", "IM-2"],
            Outputs: "Members endorsed the WG-TIP 2024–26 Forward Work Plan."),
        new("WG-TIP", "Regional Event on Trafficking into Online Scam Centres: Enhancing community awareness through partnership", ActivityKind.Meeting,
            D(2024, 11, 1), D(2024, 11, 30), "Bangkok", "Thailand", ActivityStatus.Delivered, ["LE-3", "SE-1", "IS-2"], Partners: "TFPP; civil society; private sector"),
        new("WG-TIP", "Collaborative workshop with the RSO on AI and trafficking in persons", ActivityKind.Workshop, D(2024, 12, 1), D(2025, 5, 20), null, null,
            ActivityStatus.Delivered, ["IS-3"], Partners: "Bali Process Regional Support Office"),
        new("WG-TIP", "Research on forced marriage and trafficking in persons", ActivityKind.Research, D(2024, 12, 1), D(2025, 5, 20), null, null, ActivityStatus.Delivered, ["VP-2"]),
        new("D-WG", "6th Joint Period of Action closing meeting: 'Review, Reflect, Reset'", ActivityKind.Meeting, D(2024, 7, 1), D(2024, 7, 31), null, null,
            ActivityStatus.Delivered, ["LE-1", "IS-2"]),
        new("D-WG", "D-WG annual meeting", ActivityKind.Meeting, D(2024, 7, 16), D(2024, 7, 18), "Hanoi", "Viet Nam", ActivityStatus.Delivered, ["LE-1", "BM-1"],
            Partners: "Policymakers, law enforcement and the private sector, including social media companies"),
        new("RSO", "Secondments from Sri Lanka's Department of Immigration and Emigration", ActivityKind.Secondment, D(2024, 7, 1), D(2025, 5, 20), "Bangkok", "Thailand",
            ActivityStatus.Delivered, ["BM-1", "BM-3", "IS-1"], Partners: "Thai Immigration; Airline Liaison Officers in the region", PartnerMembers: ["Sri Lanka", "New Zealand", "Thailand"],
            Outputs: "Funded by the Government of New Zealand."),
        new("D-WG", "Bali Process Joint Tabletop Exercise: cross-border trafficking networks", ActivityKind.TabletopExercise, D(2025, 6, 1), D(2025, 6, 30), null, null,
            ActivityStatus.Delivered, ["BM-2"], Partners: "WG-TIP; TFPP"),
        new("TEG-RR", "TEG-RR 7th Annual Meeting", ActivityKind.Meeting, D(2024, 12, 1), D(2024, 12, 31), "Phnom Penh", "Cambodia", ActivityStatus.Delivered, ["RR-1", "RR-3", "IS-1"]),
        new("TEG-RR", "TEG-RR 8th Annual Meeting", ActivityKind.Meeting, D(2025, 10, 1), D(2025, 12, 31), null, null, ActivityStatus.Planned, ["RR-1", "RR-2"]),
        new("TFPP", "TFPP 8th Annual Meeting", ActivityKind.Meeting, D(2024, 11, 1), D(2024, 11, 30), "Bangkok", "Thailand", ActivityStatus.Delivered, ["MM-1", "MM-2"],
            Partners: "International and civil society organisations"),
        new("GABF", "GABF Sri Lanka Summit", ActivityKind.Summit, D(2024, 6, 13), D(2024, 6, 14), "Colombo", "Sri Lanka", ActivityStatus.Delivered, ["SE-1", "SE-2", "VP-3"],
            Partners: "Public and private sector leaders", Outputs: "Launch of the Colombo Commitment."),
        new("RSO", "Interregional Technical Workshop on online investigations and OSINT", ActivityKind.Workshop, D(2025, 5, 27), D(2025, 5, 30), "Chiang Saen", "Thailand",
            ActivityStatus.Delivered, ["LE-2", "IM-2"]),
        new("RSO", "Regional Meeting on Countering People Smuggling", ActivityKind.Meeting, D(2025, 5, 27), D(2025, 5, 28), "Kuala Lumpur", "Malaysia",
            ActivityStatus.Delivered, ["IM-1"], PartnerMembers: ["Malaysia"], Partners: "International organisations and regional partners"),
        new("GABF", "Awareness-raising event on the dangers of online job scams", ActivityKind.Campaign, D(2025, 7, 1), D(2025, 12, 31), null, "Indonesia",
            ActivityStatus.Planned, ["IS-2"], Partners: "Indonesia Business Co-Chair"),
        new("GABF", "Roundtable on forced labour in supply chains", ActivityKind.Meeting, D(2025, 7, 1), D(2025, 12, 31), null, "Australia",
            ActivityStatus.Planned, ["VP-3", "SE-2"], Partners: "Australia Business Co-Chair"),
    ];
}
