namespace Scorecards.Web.Infrastructure;

/// <summary>
/// Office files are zip packages, which are written by seeking back and forth: the package is built in a
/// temporary file and then copied to the output (a response body cannot seek), so memory does not grow
/// with the size of the document.
/// </summary>
public static class PackageOutput
{
    public static async Task WriteAsync(Action<Stream> write, Stream output, CancellationToken ct)
    {
        var path = Path.GetTempFileName();
        try
        {
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
            {
                write(file);
            }

            await using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
            await read.CopyToAsync(output, ct);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
