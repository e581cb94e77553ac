namespace Scorecards.Web.Infrastructure;

/// <summary>Names of downloaded files.</summary>
public static class FileNames
{
    /// <summary>A file name made from a name: "18th AHG SOM, 2025" → "18th-ahg-som-2025".</summary>
    public static string Slug(string name)
    {
        var slug = new string(name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return slug.Trim('-');
    }
}
