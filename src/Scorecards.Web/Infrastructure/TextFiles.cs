using System.Text;

namespace Scorecards.Web.Infrastructure;

/// <summary>
/// Turns the bytes of an uploaded text file into text, refusing what would otherwise be read wrongly: a file is UTF-8
/// (with or without a byte order mark) or UTF-16 with its byte order mark, and holds no NUL or other control
/// characters beyond tab and line breaks. The error names the line.
/// </summary>
public static class TextFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    public static (string? Text, string? Error) Decode(ReadOnlySpan<byte> content)
    {
        var (encoding, skip, name) = content switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (StrictUtf8, 3, "UTF-8"),
            [0xFF, 0xFE, ..] => ((Encoding)StrictUtf16Le, 2, "UTF-16"),
            [0xFE, 0xFF, ..] => (StrictUtf16Be, 2, "UTF-16"),
            _ => ((Encoding)StrictUtf8, 0, "UTF-8"),
        };

        string text;
        try
        {
            text = encoding.GetString(content[skip..]);
        }
        catch (DecoderFallbackException e)
        {
            var at = Math.Max(0, e.Index) + skip;
            var line = LineOfByte(content, Math.Min(at, content.Length));
            return (null, skip == 0
                ? $"Line {line} is not UTF-8 text. Save the file as \"CSV UTF-8\" (or UTF-16 with a byte order mark) and upload it again."
                : $"Line {line} is not valid {name} text; the file may be damaged.");
        }

        return ControlCharacter(text) is { } bad ? (null, bad) : (text, null);
    }

    /// <summary>The first character no field may hold (a control character other than tab and line breaks), or null.</summary>
    public static char? ForbiddenCharacter(string text) => ForbiddenAt(text) is { } at ? text[at] : null;

    private static int? ForbiddenAt(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]) && text[i] is not '\t' and not '\r' and not '\n')
            {
                return i;
            }
        }

        return null;
    }

    private static string? ControlCharacter(string text)
    {
        if (ForbiddenAt(text) is not { } at)
        {
            return null;
        }

        var line = text.AsSpan(0, at).Count('\n') + 1;
        return text[at] == '\0'
            ? $"Line {line} holds a NUL character; the file is not plain text (is it a renamed spreadsheet or document?)."
            : $"Line {line} holds the control character U+{(int)text[at]:X4}, which no field may contain; remove it and upload the file again.";
    }

    private static int LineOfByte(ReadOnlySpan<byte> content, int index) => content[..index].Count((byte)'\n') + 1;
}
