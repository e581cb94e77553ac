namespace Scorecards.Data.Auditing;

/// <summary>One change to stored data: who, when, what, and the value before and after.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTime Utc { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";

    /// <summary>Created, Updated or Deleted.</summary>
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";

    /// <summary>A readable name for the changed thing, such as "WG-TIP scorecard, LE-1".</summary>
    public string? Subject { get; set; }
    public int? BodyId { get; set; }
    public int? RoundId { get; set; }
    public string? Field { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

/// <summary>Who is making the changes being saved: a signed-in person, a token's owner, or the command line.</summary>
public interface IAuditActor
{
    string? UserId { get; }
    string UserName { get; }
}

public sealed class SystemActor(string userName) : IAuditActor
{
    public string? UserId => null;
    public string UserName { get; } = userName;
}
