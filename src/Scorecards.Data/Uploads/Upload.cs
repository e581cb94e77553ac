namespace Scorecards.Data.Uploads;

/// <summary>
/// A file a person uploaded and has seen a preview of, kept until they confirm or it expires. It lives in
/// the database so that confirming works on any server of a scaled-out installation.
/// </summary>
public sealed class Upload
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public Guid Id { get; set; }
    public string UserId { get; set; } = "";

    /// <summary>What the file is for, such as "activities".</summary>
    public string Purpose { get; set; } = "";
    public string FileName { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTime CreatedUtc { get; set; }
}
