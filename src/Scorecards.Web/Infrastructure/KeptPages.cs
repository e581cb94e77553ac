using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;

namespace Scorecards.Web.Infrastructure;

/// <summary>
/// Whole signed-in pages kept as rendered, for one person at a time: a page whose content is a function of a kept key
/// (such as a round page's <c>RoundViews.Key</c>) is rendered once per key and person, then sent again as the same
/// bytes, with only the anti-forgery token of its forms made afresh for each request. The person is named by their
/// account and every claim they carry, so a change of name, role or body is a different page. Nothing is kept or sent
/// from here while a message waits in the temp-data cookie, nor for anything but a GET answered 200. At most
/// <see cref="SizeLimit"/> bytes are kept, each page for <see cref="KeepFor"/> after it was last sent.
/// </summary>
public sealed class KeptPages : IDisposable
{
    public const long SizeLimit = 32 * 1024 * 1024;
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);
    private const string KeyItem = "KeptPages.Key";

    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = SizeLimit });

    /// <summary>A page as rendered, cut where its anti-forgery token stood.</summary>
    private sealed record Kept(byte[][] Parts, string ContentType, long Size);

    /// <summary>
    /// The kept page for <paramref name="contentKey"/> and this person, as a result to return from the handler; or null,
    /// and then the page the handler renders is kept for the next request.
    /// </summary>
    public IActionResult? Find(PageModel page, string contentKey)
    {
        var context = page.HttpContext;
        if (!HttpMethods.IsGet(context.Request.Method) || context.Request.Cookies.ContainsKey(CookieTempDataProvider.CookieName))
        {
            return null;
        }

        var key = $"{contentKey}|{System.Globalization.CultureInfo.CurrentUICulture.Name}|{Person(page.User)}";
        if (_kept.TryGetValue(key, out Kept? kept) && kept is not null)
        {
            return new Send(kept);
        }

        context.Items[KeyItem] = key;
        return null;
    }

    public void Dispose() => _kept.Dispose();

    private static string Person(ClaimsPrincipal user)
    {
        var claims = string.Join('\n', user.Claims.Select(c => $"{c.Type}={c.Value}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(claims)));
    }

    private void Keep(string key, byte[] page, string contentType, string? token)
    {
        var parts = new List<byte[]>();
        var text = page.AsSpan();
        var cut = token is null ? [] : Encoding.UTF8.GetBytes(token);
        int at;
        while (cut.Length > 0 && (at = text.IndexOf(cut)) >= 0)
        {
            parts.Add(text[..at].ToArray());
            text = text[(at + cut.Length)..];
        }

        parts.Add(text.ToArray());
        _kept.Set(key, new Kept([.. parts], contentType, page.Length),
            new MemoryCacheEntryOptions { Size = Math.Max(1, page.Length), SlidingExpiration = KeepFor });
    }

    /// <summary>Captures what a page renders when its handler asked for it to be kept (see <see cref="Find"/>).</summary>
    public sealed class Capture(KeptPages pages, IAntiforgery antiforgery) : IAsyncAlwaysRunResultFilter
    {
        public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
        {
            var http = context.HttpContext;
            if (http.Items[KeyItem] is not string key || context.Result is not PageResult)
            {
                await next();
                return;
            }

            var body = http.Response.Body;
            using var buffer = new MemoryStream();
            http.Response.Body = buffer;
            try
            {
                await next();
            }
            finally
            {
                http.Response.Body = body;
            }

            var page = buffer.ToArray();
            if (http.Response.StatusCode == StatusCodes.Status200OK && http.Response.ContentType is { } contentType)
            {
                // The token this request's forms carry, as the anti-forgery service gave it to them.
                pages.Keep(key, page, contentType, antiforgery.GetAndStoreTokens(http).RequestToken);
            }

            await body.WriteAsync(page, http.RequestAborted);
        }
    }

    private sealed class Send(Kept kept) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var http = context.HttpContext;
            // A fresh token for this request's forms; the service also sets its cookie where the browser has none yet.
            var token = Encoding.UTF8.GetBytes(http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken ?? "");
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = kept.ContentType;
            http.Response.Headers[HeaderNames.CacheControl] = "no-cache, no-store";
            http.Response.Headers[HeaderNames.Pragma] = "no-cache";
            http.Response.ContentLength = kept.Size + ((long)token.Length * (kept.Parts.Length - 1)) - OriginalTokenBytes();
            for (var i = 0; i < kept.Parts.Length; i++)
            {
                if (i > 0)
                {
                    await http.Response.Body.WriteAsync(token, http.RequestAborted);
                }

                await http.Response.Body.WriteAsync(kept.Parts[i], http.RequestAborted);
            }
        }

        private long OriginalTokenBytes() => kept.Size - kept.Parts.Sum(p => (long)p.Length);
    }
}
