using Scorecards.Domain.WorkPlans;

namespace Scorecards.Web.Features.Seeding;

internal sealed record DemoItem(string Title, DateOnly From, DateOnly To, string[] Objectives, string[] Activities,
    WorkPlanItemStatus? SetStatus = null, string? Reason = null);

internal sealed record DemoWorkPlan(string Body, string Title, DateOnly From, DateOnly To, string Description, DemoItem[] Items);

/// <summary>
/// The work plans the reference statement names: WG-TIP's 2024–26 Forward Work Plan, the TEG-RR's Forward Work Plan
/// (five years from August 2024) and the RSO's 2024–2026 Strategic Plan with seven programme initiatives. The plans' own texts are not shipped: the items are
/// illustrative, drawn from what the statement says each body did and intends, and linked to its demo activities.
/// </summary>
internal static class DemoWorkPlans
{
    private const string Illustrative = "Illustrative items drawn from the Co-Chairs' Statement of the 18th AHG SOM; the plan's own text is not shipped.";

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    public static readonly IReadOnlyList<DemoWorkPlan> All =
    [
        new("WG-TIP", "2024–26 Forward Work Plan", D(2024, 11, 1), D(2026, 12, 31),
            "Endorsed by members at the WG-TIP 10th Annual Meeting, Bangkok, November 2024. " + Illustrative,
            [
                new("Annual meeting and regional event on trafficking into online scam centres", D(2024, 11, 1), D(2024, 11, 30), ["VM-1", "LE-3"],
                    ["WG-TIP 10th Annual Meeting", "Regional Event on Trafficking into Online Scam Centres: Enhancing community awareness through partnership"]),
                new("Workshop with the RSO on artificial intelligence and trafficking in persons", D(2024, 12, 1), D(2025, 6, 30), ["IS-3"],
                    ["Collaborative workshop with the RSO on AI and trafficking in persons"]),
                new("Research on forced marriage and trafficking in persons", D(2024, 12, 1), D(2025, 12, 31), ["VM-2"],
                    ["Research on forced marriage and trafficking in persons"]),
                new("Interface engagement with ASEAN SOMTC TIPWG and AICHR", D(2025, 1, 1), D(2026, 12, 31), ["SE-4"], [],
                    WorkPlanItemStatus.UnderWay, "The Co-Chairs reported on their engagement with ASEAN SOMTC TIPWG and AICHR to the 18th AHG SOM."),
                new("2025 annual events: sharing information, trends and good practice on AI in counter-trafficking", D(2025, 7, 1), D(2025, 12, 31), ["IS-3"], []),
            ]),
        new("TEG-RR", "Forward Work Plan 2024–2029", D(2024, 8, 1), D(2029, 7, 31),
            "The TEG-RR's five-year Forward Work Plan, approved in August 2024. Its items are the three forward priority areas the TEG-RR reported to "
                + "the 18th AHG SOM. " + Illustrative,
            [
                new("Information sharing and clear mechanisms for communication", D(2024, 8, 1), D(2029, 7, 31), ["IS-1"], [],
                    WorkPlanItemStatus.UnderWay, "A forward priority area, as the 7th Annual Meeting confirmed."),
                new("Cooperation and capacity building to leverage limited resources", D(2024, 8, 1), D(2029, 7, 31), ["RR-2", "RR-3"], ["TEG-RR 8th Annual Meeting"]),
                new("Support for successful returns and reintegration", D(2024, 8, 1), D(2029, 7, 31), ["RR-1"], [],
                    WorkPlanItemStatus.UnderWay, "A forward priority area, as the 7th Annual Meeting confirmed."),
            ]),
        new("RSO", "2024–2026 Strategic Plan and Work Plan", D(2024, 1, 1), D(2026, 12, 31),
            "Seven programme initiatives aligned with the 2023 Adelaide Strategy for Cooperation. " + Illustrative,
            [
                new("Law enforcement: online investigations and open-source intelligence", D(2024, 7, 1), D(2025, 12, 31), ["LE-2", "IM-2"],
                    ["Interregional Technical Workshop on online investigations and OSINT"]),
                new("Border management: the secondment programme", D(2024, 7, 1), D(2026, 6, 30), ["BM-1", "BM-3"],
                    ["Secondments from Sri Lanka's Department of Immigration and Emigration"]),
                new("Countering people smuggling and irregular maritime movements", D(2025, 1, 1), D(2025, 12, 31), ["IM-1"],
                    ["Regional Meeting on Countering People Smuggling"]),
                new("Trafficking into cyber-scam centres: a plan of action on artificial intelligence", D(2025, 1, 1), D(2026, 6, 30), ["IM-2", "IS-3"], [],
                    WorkPlanItemStatus.UnderWay, "Thematic update given to the 18th AHG SOM; members are being supported to develop the plan of action."),
                new("Stakeholder engagement: GABF-focused personnel in the RSO", D(2025, 1, 1), D(2026, 12, 31), ["SE-1", "SE-2", "CS-2"], []),
                new("Principles for engaging people with lived experience", D(2025, 6, 1), D(2026, 12, 31), ["SE-3"], []),
                new("Information sharing among members", D(2024, 1, 1), D(2026, 12, 31), ["IS-1"], []),
            ]),
    ];
}
