using Scorecards.Domain.Activities;

namespace Scorecards.Web.Features.Seeding;

/// <summary>One demo activity from the reference statement, with its dates as precise as the statement gives them.</summary>
internal sealed record DemoActivity(string Body, string Title, ActivityKind Kind, DatePrecision Precision, DateOnly Start, DateOnly? End, string? City,
    string? Member, ActivityStatus Status, string[] Objectives, string? Partners = null, string[]? PartnerMembers = null, string? Outputs = null);

/// <summary>
/// Activities reported in the Co-Chairs' Statement of the 18th AHG SOM (Bangkok, 21 May 2025), with its dates and
/// places. A month the statement gives stays a month ("November 2024"), a quarter a quarter ("Q4 2025"); what it says
/// happened "since then", or plans with no date, is undated, known only to fall between the dates given.
/// </summary>
internal static class DemoActivities
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    // Between the 17th AHG SOM (Kuala Lumpur, 2–3 May 2024) and the 18th (Bangkok, 21 May 2025).
    private static readonly DateOnly AfterSeventeenth = D(2024, 5, 4);
    private static readonly DateOnly Eighteenth = D(2025, 5, 21);

    public static readonly IReadOnlyList<DemoActivity> All =
    [
        new("WG-TIP", "WG-TIP 10th Anniversary Commemorative Dialogue", ActivityKind.Meeting, DatePrecision.Month, D(2024, 11, 1), null, "Bangkok", "Thailand",
            ActivityStatus.Delivered, ["SE-4"]),
        new("WG-TIP", "WG-TIP 10th Annual Meeting", ActivityKind.Meeting, DatePrecision.Month, D(2024, 11, 1), null, "Bangkok", "Thailand",
            ActivityStatus.Delivered, ["VM-1", "IM-2"]),
        new("WG-TIP", "Regional Event on Trafficking into Online Scam Centres: Enhancing community awareness through partnership", ActivityKind.Meeting,
            DatePrecision.Month, D(2024, 11, 1), null, "Bangkok", "Thailand", ActivityStatus.Delivered, ["LE-3", "SE-1", "IS-2"],
            Partners: "TFPP; government, civil society and the private sector"),
        new("WG-TIP", "Collaborative workshop with the RSO on AI and trafficking in persons", ActivityKind.Workshop, DatePrecision.Undated, D(2024, 12, 1), Eighteenth,
            null, null, ActivityStatus.Delivered, ["IS-3"]),
        new("WG-TIP", "Research on forced marriage and trafficking in persons", ActivityKind.Research, DatePrecision.Undated, D(2024, 12, 1), Eighteenth,
            null, null, ActivityStatus.Delivered, ["VM-2"]),
        new("WG-TIP", "Interface engagement with ASEAN SOMTC TIPWG and the ASEAN Intergovernmental Commission on Human Rights (AICHR)", ActivityKind.Other,
            DatePrecision.Undated, D(2024, 12, 1), Eighteenth, null, null, ActivityStatus.Delivered, ["SE-4"]),
        new("WG-TIP", "WG-TIP 2025 annual events: information, trends and good practice on AI in counter-trafficking", ActivityKind.Meeting, DatePrecision.Year,
            D(2025, 1, 1), null, null, null, ActivityStatus.Planned, ["IS-3"]),
        new("D-WG", "6th Joint Period of Action closing meeting: 'Review, Reflect, Reset'", ActivityKind.Meeting, DatePrecision.Month, D(2024, 7, 1), null, null, null,
            ActivityStatus.Delivered, ["LE-1", "IS-2"], Outputs: "Attendees highlighted the need for continued public awareness raising about the risks and realities of irregular migration."),
        new("D-WG", "D-WG annual meeting", ActivityKind.Meeting, DatePrecision.Days, D(2024, 7, 16), D(2024, 7, 18), "Hanoi", "Viet Nam", ActivityStatus.Delivered, ["LE-1", "BM-1"],
            Partners: "policymakers, law enforcement and the private sector, including social media companies"),
        new("RSO", "Secondments from Sri Lanka's Department of Immigration and Emigration", ActivityKind.Secondment, DatePrecision.Undated, AfterSeventeenth, Eighteenth,
            "Bangkok", "Thailand", ActivityStatus.Delivered, ["BM-1", "BM-3", "IS-1"], Partners: "Thai Immigration; Airline Liaison Officers based in the region",
            PartnerMembers: ["Sri Lanka", "New Zealand", "Thailand"], Outputs: "The secondments were funded by the Government of New Zealand."),
        new("D-WG", "Bali Process Joint Tabletop Exercise: cross-border trafficking networks", ActivityKind.TabletopExercise, DatePrecision.Month, D(2025, 6, 1), null,
            null, null, ActivityStatus.Delivered, ["BM-2"], Partners: "WG-TIP; TFPP"),
        new("TEG-RR", "TEG-RR 7th Annual Meeting", ActivityKind.Meeting, DatePrecision.Month, D(2024, 12, 1), null, "Phnom Penh", "Cambodia", ActivityStatus.Delivered,
            ["RR-1", "RR-3", "IS-1"], Outputs: "Participants discussed the importance of de-conflicting and streamlining lines of effort."),
        new("TEG-RR", "TEG-RR 8th Annual Meeting", ActivityKind.Meeting, DatePrecision.Quarter, D(2025, 10, 1), null, null, null, ActivityStatus.Planned, ["RR-1", "RR-2"]),
        new("TFPP", "TFPP 8th Annual Meeting", ActivityKind.Meeting, DatePrecision.Month, D(2024, 11, 1), null, "Bangkok", "Thailand", ActivityStatus.Delivered,
            ["VM-4", "VM-5"], Partners: "international and civil society organisations",
            Outputs: "It focused on leveraging emerging technologies, including predictive analytics and AI, to prepare for future displacement events."),
        new("GABF", "GABF Sri Lanka Summit", ActivityKind.Summit, DatePrecision.Days, D(2024, 6, 13), D(2024, 6, 14), "Colombo", "Sri Lanka", ActivityStatus.Delivered,
            ["SE-1", "SE-2", "VM-3"], Partners: "public and private sector leaders",
            Outputs: "GABF Business Leader Mr Chevaan Daniel convened it. The Summit focused on implementing the \"Acknowledge. Act. Advance.\" Recommendations and culminated in the launch of the Colombo Commitment, "
                + "led by Dr Andrew Forrest and Mr Garibaldi Thohir."),
        new("RSO", "RSO thematic update on trafficking into cyber-scam centres", ActivityKind.Meeting, DatePrecision.Day, Eighteenth, null, "Bangkok", "Thailand",
            ActivityStatus.Delivered, ["LE-3", "IS-3"],
            Outputs: "It focused on supporting members to develop a plan of action on the response to and adoption of artificial intelligence."),
        new("RSO", "Interregional Technical Workshop on online investigations and OSINT", ActivityKind.Workshop, DatePrecision.Days, D(2025, 5, 27), D(2025, 5, 30),
            "Chiang Saen", "Thailand", ActivityStatus.Delivered, ["LE-2", "IM-2"]),
        new("RSO", "Regional Meeting on Countering People Smuggling", ActivityKind.Meeting, DatePrecision.Days, D(2025, 5, 27), D(2025, 5, 28), "Kuala Lumpur", "Malaysia",
            ActivityStatus.Delivered, ["IM-1"], Partners: "the Government of Malaysia; international organizations and regional partners",
            Outputs: "Its focus is irregular maritime movements in the Andaman Sea."),
        new("GABF", "Awareness-raising event on the dangers of online job scams", ActivityKind.Campaign, DatePrecision.Undated, D(2025, 5, 22), D(2026, 5, 20), null,
            null, ActivityStatus.Planned, ["IS-2"], Partners: "the Indonesia Business Co-Chair"),
        new("GABF", "Roundtable on forced labour in supply chains", ActivityKind.Meeting, DatePrecision.Undated, D(2025, 5, 22), D(2026, 5, 20), null,
            null, ActivityStatus.Planned, ["VM-3", "SE-2"], Partners: "the Australia Business Co-Chair"),
    ];
}
