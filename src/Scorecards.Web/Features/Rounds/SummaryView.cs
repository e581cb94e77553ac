namespace Scorecards.Web.Features.Rounds;

/// <summary>A round summary with what the page needs around it: where links go, for signed-in readers or the public.</summary>
public sealed record SummaryView(RoundSummary Summary, bool IsPublic, string BasePath, IReadOnlyList<string> AllBodies,
    IReadOnlyList<(string Code, string Name)> AllAreas, bool CanAssess = false, bool CanAssignBodies = false)
{
    /// <summary>Whether the reader may open this scorecard: a link goes only where its reader may follow.</summary>
    public bool CanRead(int scorecardId) => !IsPublic && Summary.Bodies.Any(b => b.ScorecardId == scorecardId && b.Included);

    public string EntryLink(SummaryEntry e) => IsPublic
        ? $"{BasePath}?area={AreaOf(e.ObjectiveCode)}#entry-{e.BodyCode}-{e.ObjectiveCode}"
        : $"/scorecards/{e.ScorecardId}/entries/{e.ObjectiveCode}";

    public string GapLink(GapEntry e) => IsPublic
        ? $"{BasePath}?area={AreaOf(e.ObjectiveCode)}#entry-{e.BodyCode}-{e.ObjectiveCode}"
        : $"/scorecards/{e.ScorecardId}/entries/{e.ObjectiveCode}";

    public string HistoryLink(string kind, string code) => IsPublic ? $"/public/{kind}/{code}/history" : $"/{kind}/{code}/history";

    private string AreaOf(string objectiveCode) =>
        Summary.FocusAreas.FirstOrDefault(a => a.Objectives.Any(o => o.Code == objectiveCode))?.Code ?? objectiveCode.Split('-')[0];
}
