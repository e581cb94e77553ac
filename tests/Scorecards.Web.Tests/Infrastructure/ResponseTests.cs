using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Tests.Infrastructure;

/// <summary>What every response costs: compressed where it is text, and one log line when nothing is wrong.</summary>
public sealed class ResponseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/account/login", "br", "text/html")]
    [InlineData("/css/site.css", "gzip", "text/css")]
    [InlineData("/openapi/v1.json", "br", "application/json")]
    public async Task TextResponses_GoOutCompressed_AndReadBackTheSame(string path, string encoding, string type)
    {
        await using var app = await TestApp.StartAsync();
        var plain = await app.CreateClient().GetByteArrayAsync(path, Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        var response = await app.CreateClient().SendAsync(request, Ct);
        var body = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        using var decoded = new MemoryStream();
        await using (Stream decompressor = encoding == "br"
            ? new BrotliStream(new MemoryStream(body), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(body), CompressionMode.Decompress))
        {
            await decompressor.CopyToAsync(decoded, Ct);
        }

        if (type != "text/html")
        {
            // A page carries a fresh anti-forgery token each time; the others are the same bytes.
            Assert.Equal(plain, decoded.ToArray());
        }

        Assert.True(body.Length < decoded.Length, $"{body.Length} compressed of {decoded.Length}");
    }

    [Fact]
    public async Task Pages_NameTheStylesAndScriptByTheirContent_WhichBrowsersKeepForAYear()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.CreateClient();
        var page = await client.GetStringAsync("/account/login", Ct);
        var css = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/css/site\\.css\\?v=[A-Za-z0-9_-]+)\"").Groups[1].Value;
        var js = System.Text.RegularExpressions.Regex.Match(page, "src=\"(/js/site\\.js\\?v=[A-Za-z0-9_-]+)\"").Groups[1].Value;

        var named = await client.GetAsync(css, Ct);
        var script = await client.GetAsync(js, Ct);
        var unnamed = await client.GetAsync("/css/site.css", Ct);

        Assert.NotEqual("", css);
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", named.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", script.Headers.CacheControl?.ToString());
        Assert.Equal("public, max-age=3600", unnamed.Headers.CacheControl?.ToString());
        Assert.Equal(await unnamed.Content.ReadAsByteArrayAsync(Ct), await named.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task ARequest_WritesOneLineAtInformation_WithoutItsQueryString_AndTheFrameworkStaysQuiet()
    {
        var log = new CapturedLog();
        await using var app = await TestApp.StartAsync(log: log);
        await app.CreateClient().GetAsync("/account/login", Ct);
        log.Lines.Clear();

        var response = await app.CreateClient().GetAsync("/account/login?returnUrl=%2Fsecret-token-123", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = Assert.Single(log.Lines, l => l.Level >= LogLevel.Information);
        Assert.Equal(RequestLog.Category, line.Category);
        Assert.Matches(@"^GET /account/login 200 in \d+\.\d ms$", line.Message);
    }
}
