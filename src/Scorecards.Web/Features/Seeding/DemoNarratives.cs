using Scorecards.Domain.Scorecards;

namespace Scorecards.Web.Features.Seeding;

/// <summary>One demo entry: what a body reported on an objective.</summary>
internal sealed record DemoEntry(string Body, string Objective, Completion Completion, Trajectory? Trajectory, Effect? Effect,
    string Progress, string? Challenges = null, string? NextSteps = null, string? Link = null);

/// <summary>
/// Demo reports written from the Co-Chairs' Statement of the 18th Ad Hoc Group Senior Officials' Meeting
/// (Bangkok, 21 May 2025). The past round holds what the statement reports; the current round moves some on.
/// </summary>
internal static class DemoNarratives
{
    public static readonly IReadOnlyList<DemoEntry> PastRound =
    [
        new("WG-TIP", "LE-3", Completion.Limited, Trajectory.OnTrack, Effect.Marginal,
            "WG-TIP held a Regional Event on *Trafficking into Online Scam Centres: Enhancing community awareness through partnership* in Bangkok in November 2024, jointly with the TFPP.",
            "Scam operations are expanding beyond Southeast Asia and use social media and artificial intelligence to reach more victims.",
            "Share trends and good practice at the WG-TIP's 2025 annual events."),
        new("WG-TIP", "SE-1", Completion.Substantial, Trajectory.OnTrack, Effect.Major,
            "The joint WG-TIP and TFPP event 'Enhancing community awareness through partnership' brought together government, civil society and the private sector to discuss public information campaigns and cross-sectoral issues.",
            null, "Continue to involve civil society and the private sector in annual meetings."),
        new("WG-TIP", "SE-3", Completion.NotStarted, Trajectory.SomeDelays, null,
            "Members noted the need for principles to guide engagement with people with lived experience. Work has not started pending the Steering Group's guidance.",
            "Principles for engagement are still to be agreed.", "Contribute to the principles once the Steering Group has considered options."),
        new("WG-TIP", "SE-4", Completion.Substantial, Trajectory.OnTrack, Effect.Major,
            "Co-Chairs reported on their interface engagement with ASEAN SOMTC TIPWG and the ASEAN Intergovernmental Commission on Human Rights (AICHR).",
            null, "Keep strengthened partnerships with ASEAN bodies and other Bali Process working groups."),
        new("WG-TIP", "IS-3", Completion.Limited, Trajectory.OnTrack, Effect.Marginal,
            "A collaborative workshop with the RSO on AI and trafficking in persons was held. Co-Chairs noted the benefit of sustained dialogue on complex issues like AI.",
            null, "Support members' consideration of opportunities to use AI in counter-trafficking efforts."),
        new("WG-TIP", "IM-2", Completion.Limited, Trajectory.OnTrack, Effect.Marginal,
            "WG-TIP hosted a 10th Anniversary Commemorative Dialogue and its 10th Annual Meeting in Bangkok in November 2024, where trafficking into online scam centres was a main theme.",
            "Working Group membership does not yet reflect current trafficking trends.",
            "Steering Group Senior Officials to consider options for expanding Working Group membership."),
        new("WG-TIP", "BM-2", Completion.NotStarted, Trajectory.OnTrack, null,
            "WG-TIP will contribute to the Joint Tabletop Exercise in mid-2025 hosted by the D-WG."),
        new("WG-TIP", "VM-1", Completion.Substantial, Trajectory.OnTrack, Effect.Major,
            "At the 10th Annual Meeting members officially endorsed the WG-TIP's 2024–26 Forward Work Plan, setting out priorities and activities in line with the 2023 Adelaide Strategy for Cooperation, including on victim protection.",
            null, "Implement the 2024–26 Forward Work Plan.", "https://www.baliprocess.net/"),
        new("WG-TIP", "VM-2", Completion.Limited, Trajectory.OnTrack, Effect.Marginal,
            "Research on forced marriage and trafficking in persons is under way."),

        new("D-WG", "LE-1", Completion.Substantial, Trajectory.OnTrack, Effect.Major,
            "D-WG concluded the 6th Joint Period of Action in July 2024 with a multilateral meeting themed 'Review, Reflect, Reset'.",
            "Overcoming organisational, jurisdictional and operational differences between agencies.",
            "Forge strong partnerships among policymakers, law enforcement and the private sector."),
        new("D-WG", "LE-2", Completion.Limited, Trajectory.OnTrack, Effect.Marginal,
            "The D-WG committed to invest in the capacity of frontline officials, including through in-person sessions to hear varied experiences."),
        new("D-WG", "IS-1", Completion.Limited, Trajectory.SomeDelays, Effect.Marginal,
            "Secondments hosted by the RSO fostered information sharing between Sri Lankan officials, Thai Immigration and Airline Liaison Officers based in the region."),
        new("D-WG", "IS-2", Completion.Limited, Trajectory.OnTrack, Effect.Marginal,
            "Attendees of the 'Review, Reflect, Reset' meeting highlighted the need for continued public awareness raising about the risks and realities of irregular migration."),
        new("D-WG", "IM-3", Completion.NoEvidence, null, null,
            "No activity specific to links with money laundering or IUU fishing was reported in the period."),
        new("D-WG", "BM-1", Completion.Substantial, Trajectory.OnTrack, Effect.Major,
            "The D-WG held its annual meeting from 16–18 July 2024 in Hanoi, Viet Nam, and noted the success of a series of secondments hosted by the RSO from Sri Lanka's Department of Immigration and Emigration, funded by the Government of New Zealand, related to aviation people smuggling and trafficking in persons."),
        new("D-WG", "BM-2", Completion.NotStarted, Trajectory.OnTrack, null,
            "The D-WG will host a Bali Process Joint Tabletop Exercise in June 2025 with the theme \"cross-border trafficking networks\"."),

        new("TEG-RR", "SE-4", Completion.Limited, Trajectory.OnTrack, Effect.Marginal,
            "Participants at the 7th Annual Meeting discussed cooperation with regional partners."),
        new("TEG-RR", "IS-1", Completion.Limited, Trajectory.SomeDelays, Effect.Marginal,
            "Information sharing and the need to establish clear mechanisms for communication remain one of the three forward priority areas.",
            "Mechanisms for communication are not yet in place."),
        new("TEG-RR", "RR-1", Completion.Limited, Trajectory.OnTrack, Effect.Marginal,
            "TEG-RR hosted its 7th Annual Meeting in Phnom Penh, Cambodia, in December 2024, and adopted a new Forward Work Plan closely aligned with the Strategy.",
            null, "Hold the 8th Annual Meeting in Q4 2025."),
        new("TEG-RR", "RR-2", Completion.Limited, Trajectory.OnTrack, Effect.Marginal,
            "Fostering cooperation and capacity building to leverage limited resources and to support successful returns and reintegration remain forward priorities."),
        new("TEG-RR", "RR-3", Completion.Substantial, Trajectory.OnTrack, Effect.Major,
            "Participants discussed the importance of de-conflicting and streamlining lines of effort."),

        new("TFPP", "SE-1", Completion.Substantial, Trajectory.OnTrack, Effect.Major,
            "Joint activities with the WG-TIP addressed trafficking into cyber-scam centres, emphasising community awareness and private sector collaboration."),
        new("TFPP", "IS-2", Completion.Limited, Trajectory.OnTrack, Effect.Marginal,
            "The joint event with the WG-TIP discussed public information campaigns."),
        new("TFPP", "IM-1", Completion.Limited, Trajectory.SomeDelays, Effect.DidNotChange,
            "The TFPP's meetings highlighted the growing complexity of migration and the need for strengthened border management.",
            "Humanitarian challenges, including conflict and natural disasters, continue to drive irregular maritime movement."),
        new("TFPP", "BM-2", Completion.NotStarted, Trajectory.OnTrack, null,
            "The TFPP will take part in the Joint Tabletop Exercise in June 2025."),
        new("TFPP", "VM-4", Completion.Substantial, Trajectory.OnTrack, Effect.Major,
            "The TFPP hosted its 8th Annual Meeting in November 2024 in Bangkok, focused on leveraging emerging technologies, including the use of predictive analytics and AI by international and civil society organisations to prepare for future displacement events."),
        new("TFPP", "VM-5", Completion.Limited, Trajectory.OnTrack, Effect.Marginal,
            "The meetings reinforced the need for proactive planning and cross-sector coordination."),

        new("RSO", "LE-1", Completion.Limited, Trajectory.OnTrack, Effect.Marginal,
            "The RSO presented an update against its 2024–2026 Strategic Plan and Work Plan, which comprises seven programme initiatives aligned with the 2023 Adelaide Strategy for Cooperation. Co-Chairs noted efforts in law enforcement."),
        new("RSO", "LE-2", Completion.Limited, Trajectory.OnTrack, Effect.Marginal,
            "An Interregional Technical Workshop in Chiang Saen, Thailand, is planned for 27–30 May 2025 to support capacity in online investigations and open-source intelligence (OSINT).",
            null, "Deliver the Chiang Saen workshop."),
        new("RSO", "LE-3", Completion.Limited, Trajectory.OnTrack, Effect.Marginal,
            "The RSO provided a thematic update on trafficking into cyber-scam centres."),
        new("RSO", "SE-3", Completion.NotStarted, Trajectory.SomeDelays, null,
            "Principles to guide engagement with people with lived experience in the work of the RSO are to be developed."),
        new("RSO", "IS-3", Completion.Limited, Trajectory.OnTrack, Effect.Marginal,
            "The RSO is supporting members to develop a plan of action on the response to and adoption of artificial intelligence."),
        new("RSO", "IM-1", Completion.NotStarted, Trajectory.OnTrack, null,
            "A Regional Meeting on Countering People Smuggling with the Government of Malaysia is planned in Kuala Lumpur (27–28 May 2025) on irregular maritime movements in the Andaman Sea."),
        new("RSO", "IM-2", Completion.Limited, Trajectory.OnTrack, Effect.Marginal,
            "Capacity building on trafficking into cyber-scam centres is under way."),
        new("RSO", "BM-1", Completion.Substantial, Trajectory.OnTrack, Effect.Major,
            "Secondments from Sri Lanka's Department of Immigration and Emigration to the RSO fostered cooperation on aviation people smuggling."),
        new("RSO", "BM-3", Completion.Substantial, Trajectory.OnTrack, Effect.Major,
            "The RSO hosted a series of secondments from Sri Lanka's Department of Immigration and Emigration, funded by the Government of New Zealand. Members are welcome to progress interest in the secondment programme directly with the RSO."),
        new("RSO", "VM-5", Completion.Limited, Trajectory.OnTrack, Effect.Marginal,
            "The RSO supports forward planning and responsiveness to emerging issues."),
        new("RSO", "CS-1", Completion.Substantial, Trajectory.OnTrack, Effect.Major,
            "The RSO, as the practical and technical arm of the Bali Process, presented an update against its 2024–2026 Strategic Plan and Work Plan, which comprises seven programme initiatives aligned with the 2023 Adelaide Strategy for Cooperation. Co-Managers of the RSO attended the Steering Group and Ad Hoc Group to provide updates on activities and progress."),
        new("RSO", "CS-2", Completion.Limited, Trajectory.SomeDelays, Effect.Marginal,
            "The GABF and the RSO continue to advance the establishment of dedicated GABF-focused RSO personnel within the RSO offices in Bangkok.",
            "Funding and recruitment of the personnel are still to be settled."),

        new("GABF", "SE-1", Completion.Substantial, Trajectory.OnTrack, Effect.Major,
            "The Sri Lanka Summit, convened by GABF Business Leader Mr Chevaan Daniel in Colombo from 13–14 June 2024, brought together public and private sector leaders."),
        new("GABF", "SE-2", Completion.Substantial, Trajectory.OnTrack, Effect.Outstanding,
            "The Summit focused on implementing the \"Acknowledge. Act. Advance.\" Recommendations to improve supply chain transparency, ethical recruitment and worker protections, and culminated in the launch of the Colombo Commitment."),
        new("GABF", "IS-2", Completion.NotStarted, Trajectory.OnTrack, null,
            "The Indonesia Business Co-Chair plans an awareness-raising event on the dangers of online job scams."),
        new("GABF", "VM-3", Completion.Limited, Trajectory.OnTrack, Effect.Marginal,
            "The Colombo Commitment pledged to combat forced labour, modern slavery and unethical recruitment. The Australia Business Co-Chair plans a roundtable on forced labour in supply chains."),
        new("GABF", "CS-2", Completion.Limited, Trajectory.SomeDelays, Effect.Marginal,
            "The GABF and the RSO continue to advance the establishment of dedicated GABF-focused RSO personnel within the RSO offices in Bangkok, to strengthen collaboration between the private sector and Bali Process Member States."),
    ];

    /// <summary>Entries reporters have already updated in the open round; the rest are still carried over.</summary>
    public static readonly IReadOnlyList<DemoEntry> CurrentRound =
    [
        new("WG-TIP", "LE-3", Completion.Substantial, Trajectory.OnTrack, Effect.Major,
            "WG-TIP shared trends and good practice on trafficking into online scam centres at its 2025 annual events."),
        new("WG-TIP", "BM-2", Completion.Complete, Trajectory.OnTrack, Effect.Major,
            "WG-TIP contributed to the Bali Process Joint Tabletop Exercise on cross-border trafficking networks in June 2025."),

        new("D-WG", "BM-2", Completion.Complete, Trajectory.OnTrack, Effect.Major,
            "The D-WG hosted the Bali Process Joint Tabletop Exercise in June 2025 with the theme \"cross-border trafficking networks\"."),
        new("D-WG", "IM-3", Completion.NotStarted, Trajectory.SomeDelays, null,
            "Members discussed the links between people smuggling, money laundering and IUU fishing; no joint activity has started.",
            "No lead member has yet been identified."),

        new("RSO", "LE-2", Completion.Substantial, Trajectory.OnTrack, Effect.Major,
            "The RSO held an Interregional Technical Workshop in Chiang Saen, Thailand, from 27–30 May 2025, supporting capacity in online investigations and open-source intelligence (OSINT) to address trafficking into cyber-scam centres."),
        new("RSO", "IM-1", Completion.Limited, Trajectory.OnTrack, Effect.Marginal,
            "The RSO held a Regional Meeting on Countering People Smuggling jointly with the Government of Malaysia in Kuala Lumpur, Malaysia, from 27–28 May 2025, on irregular maritime movements in the Andaman Sea."),

        new("TFPP", "BM-2", Completion.Complete, Trajectory.OnTrack, Effect.Major,
            "The TFPP took part in the Joint Tabletop Exercise in June 2025."),

        new("GABF", "IS-2", Completion.Limited, Trajectory.SomeDelays, Effect.Marginal,
            "Planning of the awareness-raising event on the dangers of online job scams is under way with AlamTri (previously Adaro) and Walk Free."),
    ];
}
