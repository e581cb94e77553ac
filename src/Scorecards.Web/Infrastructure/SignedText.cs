using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Scorecards.Web.Infrastructure;

/// <summary>
/// A few fields carried in a link (an unsubscribe, an invitation, a reset): joined by line breaks, encrypted and signed
/// with the app's keys, and written URL-safe, so they can be neither read nor altered outside the app.
/// </summary>
public static class SignedText
{
    public static string Seal(IDataProtector protector, params string[] fields) =>
        WebEncoders.Base64UrlEncode(protector.Protect(Encoding.UTF8.GetBytes(string.Join('\n', fields))));

    /// <summary>The fields of <paramref name="token"/>; null for one longer than <paramref name="maxLength"/>, cut short, altered or not the app's.</summary>
    public static string[]? Open(IDataProtector protector, string? token, int maxLength)
    {
        if (string.IsNullOrEmpty(token) || token.Length > maxLength)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('\n');
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }
    }
}
