using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Scorecards.Web.Infrastructure;

/// <summary>
/// A 200 answer whose JSON was written once and is sent as the same bytes to everyone who asks for the same thing (see
/// <c>RoundViews</c>); the API document describes it as <typeparamref name="T"/>, as it would an <c>Ok&lt;T&gt;</c>.
/// </summary>
public sealed class KeptJson<T>(byte[] utf8) : IResult, IEndpointMetadataProvider
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = utf8.Length;
        await httpContext.Response.Body.WriteAsync(utf8, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}
