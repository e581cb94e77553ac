using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;
using Scorecards.Web.Features.Rounds;

namespace Scorecards.Web.Infrastructure;

/// <summary>
/// Entity tags for answers that are a function of what a server keeps (<see cref="RoundViews.Key"/>): the same key gives
/// the same bytes, so a client that already holds them is answered 304 Not Modified without a body.
/// </summary>
public static class ConditionalGet
{
    /// <summary>
    /// True when the request already holds the tag of <paramref name="key"/>: the answer is then tagged and is to be 304
    /// Not Modified, without a body.
    /// </summary>
    public static bool NotModified(HttpContext context, string key, bool isPublic)
    {
        var tag = TagOf(key);
        if (!context.Request.GetTypedHeaders().IfNoneMatch.Any(h => h.Equals(EntityTagHeaderValue.Any) || h.Compare(tag, useStrongComparison: false)))
        {
            return false;
        }

        Tag(context, key, isPublic);
        return true;
    }

    /// <summary>Tags a 200 or 304 answer with <paramref name="key"/>; an answer that found nothing is not tagged.</summary>
    public static void Tag(HttpContext context, string key, bool isPublic)
    {
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = TagOf(key);
        // The same data reads differently in each language: a kept answer is for its reader's language only.
        context.Response.Headers.Append(HeaderNames.Vary, "Accept-Language, Cookie");
        // Kept by browsers and proxies, but asked about again before each use: a change is seen on the next request.
        headers.CacheControl = new CacheControlHeaderValue { Public = isPublic, Private = !isPublic, NoCache = true };
    }

    private static EntityTagHeaderValue TagOf(string key) =>
        new($"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{key}|{System.Globalization.CultureInfo.CurrentUICulture.Name}")).AsSpan(0, 16))}\"");
}

/// <summary>
/// Keeps whole answers of the public pages and summaries of published rounds, for readers who send no cookie and no
/// credentials (what they are shown cannot depend on who they are). Each answer is filed under the data version as well
/// as the address, so a change is never answered from what was kept before it.
/// </summary>
public sealed class PublicRoundOutputCache : IOutputCachePolicy
{
    public const string Name = "public-round";

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var anonymous = !request.Headers.ContainsKey(HeaderNames.Cookie) && !request.Headers.ContainsKey(HeaderNames.Authorization)
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = anonymous;
        context.AllowCacheStorage = anonymous;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = new[] { "body", "area", "level", "format", Localization.Languages.QueryKey };
        context.CacheVaryByRules.VaryByValues["language"] = System.Globalization.CultureInfo.CurrentUICulture.Name;
        if (anonymous)
        {
            context.CacheVaryByRules.VaryByValues["version"] = await context.HttpContext.RequestServices.GetRequiredService<RequestVersion>().CurrentAsync(cancellation);
        }

        context.ResponseExpirationTimeSpan = RoundViews.KeepFor;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
