namespace Scorecards.Web.Infrastructure;

/// <summary>
/// How many items a list in a request may hold, checked by the framework's validation before any handler runs. They
/// bound what a client can make the server look up; what the items must be is the domain's to say.
/// </summary>
public static class RequestLimits
{
    /// <summary>The message for a list over its limit; {1} is the limit.</summary>
    public const string TooMany = "The list holds more than {1} items, the most it may.";

    /// <summary>Members named in one list (chairs, attendees, partners): the Process has 49, observers besides.</summary>
    public const int Members = 200;

    /// <summary>Objective or indicator codes in one list.</summary>
    public const int Codes = 500;

    /// <summary>Activity ids linked in one list.</summary>
    public const int Ids = 500;

    /// <summary>Links to evidence on one entry or activity.</summary>
    public const int Links = 50;
}
