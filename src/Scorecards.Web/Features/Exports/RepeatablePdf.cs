using System.Security.Cryptography;
using System.Text;
using PdfSharp.Pdf;

namespace Scorecards.Web.Features.Exports;

/// <summary>
/// What makes a PDF the same file each time it is made from the same data: its dates are the paper's own, its identifier
/// is drawn from what it is, and what PDFsharp draws at random as it saves (the six-letter tags of the embedded font
/// subsets, the metadata's document and instance uuids) is drawn from the fonts and the identifier. A paper made again from a restored backup is then the very same file, and its hash can be compared.
/// </summary>
internal static class RepeatablePdf
{
    /// <summary>Dates and identifies <paramref name="document"/> before it is saved; returns the identifier's hash.</summary>
    public static byte[] Stamp(PdfDocument document, DateTime generatedUtc, string language)
    {
        var at = DateTime.SpecifyKind(generatedUtc, DateTimeKind.Utc);
        document.Info.CreationDate = at;
        document.Info.ModificationDate = at;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{document.Info.Title}\n{document.Info.Subject}\n{at:O}\n{language}"));
        // The identifier is sixteen bytes, which PDFsharp holds as a string of sixteen characters.
        var id = new string([.. hash.Take(16).Select(b => (char)b)]);
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
        return hash;
    }

    private static readonly byte[][] NameKeys = ["/BaseFont/"u8.ToArray(), "/FontName/"u8.ToArray()];
    private static readonly byte[][] UuidKeys = ["<xmpMM:DocumentID>uuid:"u8.ToArray(), "<xmpMM:InstanceID>uuid:"u8.ToArray()];
    private const int Overlap = 160;
    private const int UuidLength = 36;

    /// <summary>
    /// Replaces each random subset tag in the saved <paramref name="pdf"/> by one drawn from the font's name and its place
    /// among the subsets, and the metadata's uuids by ones drawn from <paramref name="identifier"/>. Each has the same
    /// length as its replacement, so no offset in the file moves.
    /// </summary>
    public static void SettleRandomParts(Stream pdf, byte[] identifier)
    {
        var found = new List<(long Position, string Tag, string Font)>();
        var uuids = new List<(long Position, int Key)>();
        var buffer = new byte[(64 * 1024) + Overlap];
        long offset = 0;
        var carried = 0;
        pdf.Position = 0;
        while (true)
        {
            var read = pdf.Read(buffer, carried, buffer.Length - carried);
            var length = carried + read;
            var last = read == 0;
            var limit = last ? length : length - Overlap;
            for (var i = 0; i < limit; i++)
            {
                if (buffer[i] == (byte)'/' && TagAfterKey(buffer, i, length) is { } tag)
                {
                    found.Add((offset + tag.Start, tag.Tag, tag.Font));
                }
                else if (buffer[i] == (byte)'<' && UuidAfterKey(buffer, i, length) is { } uuid)
                {
                    uuids.Add((offset + uuid.Start, uuid.Key));
                }
            }

            if (last)
            {
                break;
            }

            Array.Copy(buffer, limit, buffer, 0, length - limit);
            carried = length - limit;
            offset += limit;
        }

        var replacements = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, tag, font) in found)
        {
            if (!replacements.ContainsKey(tag))
            {
                for (var n = replacements.Count; ; n++)
                {
                    var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{font}\n{n}"));
                    var settled = new string([.. hash.Take(6).Select(b => (char)('A' + (b % 26)))]);
                    if (!replacements.ContainsValue(settled))
                    {
                        replacements[tag] = settled;
                        break;
                    }
                }
            }
        }

        foreach (var (position, tag, _) in found)
        {
            pdf.Position = position;
            pdf.Write(Encoding.ASCII.GetBytes(replacements[tag]));
        }

        foreach (var (position, key) in uuids)
        {
            var hash = SHA256.HashData([.. identifier, (byte)key]);
            pdf.Position = position;
            pdf.Write(Encoding.ASCII.GetBytes(new Guid(hash.AsSpan(0, 16)).ToString()));
        }

        pdf.Position = pdf.Length;
    }

    private static (int Start, int Key)? UuidAfterKey(byte[] buffer, int at, int length)
    {
        for (var k = 0; k < UuidKeys.Length; k++)
        {
            var key = UuidKeys[k];
            if (at + key.Length + UuidLength <= length && buffer.AsSpan(at, key.Length).SequenceEqual(key) && buffer[at + key.Length + UuidLength] == (byte)'<')
            {
                return (at + key.Length, k);
            }
        }

        return null;
    }

    private static (int Start, string Tag, string Font)? TagAfterKey(byte[] buffer, int at, int length)
    {
        foreach (var key in NameKeys)
        {
            var start = at + key.Length;
            if (start + 7 > length || !buffer.AsSpan(at, key.Length).SequenceEqual(key))
            {
                continue;
            }

            var tag = buffer.AsSpan(start, 6);
            if (buffer[start + 6] != (byte)'+' || tag.ContainsAnyExceptInRange((byte)'A', (byte)'Z'))
            {
                return null;
            }

            var end = start + 7;
            while (end < length && end - start < Overlap - 16 && buffer[end] is not ((byte)'/' or (byte)' ' or (byte)'>' or (byte)'\n' or (byte)'\r' or (byte)'['))
            {
                end++;
            }

            return (start, Encoding.ASCII.GetString(tag), Encoding.ASCII.GetString(buffer, start + 7, end - start - 7));
        }

        return null;
    }
}
