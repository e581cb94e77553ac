namespace Scorecards.Web.Infrastructure;

/// <summary>
/// Office files are zip packages, which are written by seeking back and forth: the package is built in a
/// temporary file and then copied to the output (a response body cannot seek), so memory does not grow
/// with the size of the document. A zip package's parts are dated as the caller says (a paper: when it was generated), never the moment they
/// were written: the same data gives the same bytes, so a paper made again from a restored backup is the same file.
/// </summary>
public static class PackageOutput
{
    /// <summary>The date a package's parts carry when the file itself names none: the first a zip can hold.</summary>
    public static readonly DateTimeOffset Undated = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task WriteAsync(Action<Stream> write, Stream output, CancellationToken ct, DateTimeOffset? partsDated = null)
    {
        var path = Path.GetTempFileName();
        try
        {
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
            {
                write(file);
            }

            if (partsDated is { } dated)
            {
                await using var zip = await System.IO.Compression.ZipArchive.CreateAsync(
                    new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None), System.IO.Compression.ZipArchiveMode.Update, leaveOpen: false, entryNameEncoding: null, ct);
                foreach (var entry in zip.Entries)
                {
                    entry.LastWriteTime = dated;
                }
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
