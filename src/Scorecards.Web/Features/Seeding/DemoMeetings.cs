using Scorecards.Domain.Meetings;

namespace Scorecards.Web.Features.Seeding;

internal sealed record DemoDecision(string Owner, string Text, DecisionStatus Status, string? Note = null, int? DueInDays = null, DateOnly? DueDate = null);

internal sealed record DemoMeeting(string Title, MeetingKind Kind, DateOnly Start, DateOnly End, string City, string Host, string? Body,
    string[] Chairs, string[] Attendees, string? Others, DemoDecision[] Decisions);

/// <summary>
/// Meetings and decisions from the Co-Chairs' Statement of the 18th AHG SOM (Bangkok, 21 May 2025). Attendance is
/// recorded only where the statement lists it; where it gives only a month, the meeting spans that month.
/// </summary>
internal static class DemoMeetings
{
    public const string Iom = "International Organization for Migration (IOM)";
    public const string Unhcr = "Office of the United Nations High Commissioner for Refugees (UNHCR)";
    public const string Unodc = "United Nations Office on Drugs and Crime (UNODC)";

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    public static readonly IReadOnlyList<DemoMeeting> All =
    [
        new("WG-TIP 10th Annual Meeting", MeetingKind.WorkingGroupMeeting, D(2024, 11, 1), D(2024, 11, 30), "Bangkok", "Thailand", "WG-TIP", [], [], null,
            [new("WG-TIP", "Members endorsed the WG-TIP 2024–26 Forward Work Plan, setting out priorities and activities in line with the 2023 Adelaide Strategy for Cooperation.",
                DecisionStatus.Done, "Endorsed at the meeting.")]),
        new("TEG-RR 7th Annual Meeting", MeetingKind.WorkingGroupMeeting, D(2024, 12, 1), D(2024, 12, 31), "Phnom Penh", "Cambodia", "TEG-RR", [], [], null,
            [new("TEG-RR", "Hold the 8th Annual Meeting in Q4 2025, on the three forward priority areas: information sharing, cooperation and capacity building, and support for successful returns and reintegration.",
                DecisionStatus.Open, DueDate: D(2025, 12, 31))]),
        new("19th Steering Group Senior Officials' Meeting", MeetingKind.SteeringGroupSom, D(2025, 5, 20), D(2025, 5, 20), "Bangkok", "Thailand", null,
            ["Indonesia", "Australia"], [], "Co-Managers of the RSO", []),
        new("18th Ad Hoc Group Senior Officials' Meeting", MeetingKind.AdHocGroupSom, D(2025, 5, 21), D(2025, 5, 21), "Bangkok", "Thailand", null,
            ["Indonesia", "Australia"],
            ["Australia", "Bangladesh", "Indonesia", "Malaysia", "Maldives", "New Zealand", "Philippines", "Sri Lanka", "Thailand", "Viet Nam", Iom, Unhcr, Unodc],
            "Co-Managers of the RSO; AlamTri (previously known as Adaro) and Walk Free, representing the GABF Business Co-Chairs",
            [
                new("RSO", "Develop a scorecard to track progress on the 2023 Adelaide Strategy for Cooperation, to be completed by the Working Groups Co-Chairs, the RSO and the GABF, as applicable.",
                    DecisionStatus.InProgress, "The first round of scorecards is open for the 19th AHG SOM.", DueInDays: 30),
                new("RSO", "Review the Bali Process membership to ensure that it is responsive to changing circumstances.", DecisionStatus.Open),
                new("RSO", "Develop principles to guide engagement with people with lived experience in the work of the RSO and the Bali Process, including frontline officials and victims of cyber-scam operations, as appropriate.",
                    DecisionStatus.Open),
                new("GABF", "Advance the establishment of dedicated GABF-focused RSO personnel within the RSO offices in Bangkok.", DecisionStatus.InProgress,
                    "The GABF and the RSO continue to advance it."),
                new("WG-TIP", "Steering Group Senior Officials to continue to consider options for expanding Working Group membership to reflect current trafficking trends, as the WG-TIP Co-Chairs recommended.",
                    DecisionStatus.Open),
            ]),
    ];
}
