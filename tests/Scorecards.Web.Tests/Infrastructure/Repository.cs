namespace Scorecards.Web.Tests.Infrastructure;

/// <summary>Files of the repository that tests hold the product to: documents, the demo framework.</summary>
public static class Repository
{
    /// <summary>The folder holding Scorecards.slnx, above the test's binaries.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Scorecards.slnx")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException($"No Scorecards.slnx above {AppContext.BaseDirectory}.");
    }
}
