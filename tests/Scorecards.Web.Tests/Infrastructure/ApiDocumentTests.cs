using System.Diagnostics;
using System.Text.Json;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Tests.Infrastructure;

/// <summary>The OpenAPI document describes every operation well enough to call it: bodies, errors, ids and how to sign in.</summary>
public sealed class ApiDocumentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(string Text, JsonElement Document)> DocumentAsync(TestApp app)
    {
        var text = await app.CreateClient().GetStringAsync("/openapi/v1.json", Ct);
        return (text, JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public async Task EveryOperation_HasAnId_ItsErrors_AndHowToSignIn_AndEveryJsonWriteItsBody()
    {
        await using var app = await TestApp.StartAsync(demo: false);
        var (_, document) = await DocumentAsync(app);

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => (Method: m.Name, Path: p.Name, Operation: m.Value))).ToList();
        string[] Responses(JsonElement o) => o.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToArray();
        var secured = operations.Where(o => !o.Path.StartsWith("/api/v1/public", StringComparison.Ordinal) && o.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();

        Assert.True(operations.Count >= 50, $"only {operations.Count} operations");
        Assert.Equal(operations.Count, operations.Select(o => o.Operation.GetProperty("operationId").GetString()).Distinct().Count());
        Assert.All(operations.Where(o => o.Method is "post" or "put" && o.Path.Contains("{id}", StringComparison.Ordinal)),
            o => Assert.Contains("409", Responses(o.Operation)));
        Assert.All(secured, o =>
        {
            Assert.Contains("401", Responses(o.Operation));
            Assert.Contains("403", Responses(o.Operation));
            Assert.Equal(["bearerToken", "signInCookie"], o.Operation.GetProperty("security").EnumerateArray().SelectMany(s => s.EnumerateObject().Select(x => x.Name)).Order());
        });
        var meetingPut = operations.Single(o => o is { Method: "put", Path: "/api/v1/meetings/{id}" }).Operation;
        Assert.Equal("putMeetingsById", meetingPut.GetProperty("operationId").GetString());
        Assert.Equal("#/components/schemas/MeetingRequest",
            meetingPut.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        var chairs = document.GetProperty("components").GetProperty("schemas").GetProperty("MeetingRequest").GetProperty("properties").GetProperty("chairs");
        Assert.Equal("string", chairs.GetProperty("items").GetProperty("type").GetString());
        Assert.Equal("#/components/schemas/Problem", meetingPut.GetProperty("responses").GetProperty("400").GetProperty("content")
            .GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(operations.Single(o => o is { Method: "post", Path: "/api/v1/activities/import" }).Operation.GetProperty("requestBody")
            .GetProperty("content").TryGetProperty("text/csv", out _));
    }

    [Fact]
    public async Task ApiReference_IsServedByTheApp_WithoutSigningIn_AndLoadsNothingFromElsewhere()
    {
        await using var app = await TestApp.StartAsync(demo: false);
        var client = app.CreateClient();

        var page = await client.GetAsync("/api/reference/", Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        var script = await client.GetAsync("/api/reference/scalar.js", Ct);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("http", html.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"url\":\"openapi/v1.json\"", html, StringComparison.Ordinal);
        Assert.NotEmpty(nonce);
        Assert.Contains($"nonce=\"{nonce}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline';", policy.Split("script-src")[1].Split(';')[0] + ";", StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync(Ct)).Length > 100_000);
        Assert.Contains("href=\"/api/reference/\"", await client.GetStringAsync("/account/login", Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/v1/meetings/{id:int}/decisions", "getMeetingsByIdDecisions")]
    [InlineData("POST", "/api/v1/scorecards/{id}/confirm-carried-over", "postScorecardsByIdConfirmCarriedOver")]
    [InlineData("GET", "/api/v1/public/rounds", "getPublicRounds")]
    public void OperationId_IsTheMethodAndRouteInWords(string method, string route, string expected) =>
        Assert.Equal(expected, ApiDocument.OperationId(method, route));

    /// <summary>Spectral's OpenAPI ruleset, with no error, warning, information or hint. Needs SCORECARDS_TEST_SPECTRAL (tools/api-lint).</summary>
    [Fact]
    public async Task Document_PassesSpectralsOpenApiRuleset_WithNothingToSay()
    {
        var spectral = Environment.GetEnvironmentVariable("SCORECARDS_TEST_SPECTRAL");
        if (spectral is null || !File.Exists(spectral))
        {
            var why = "OpenAPI lint skipped: run `npm ci --prefix tools/api-lint` and set SCORECARDS_TEST_SPECTRAL=tools/api-lint/node_modules/.bin/spectral.";
            Assert.False(Environment.GetEnvironmentVariable("SCORECARDS_REQUIRE_SERVICES") == "1", why);
            global::Scorecards.Tests.Skipped.Because(why);
        }

        await using var app = await TestApp.StartAsync(demo: false);
        var (text, _) = await DocumentAsync(app);
        var folder = Directory.CreateTempSubdirectory("scorecards-openapi-");
        try
        {
            var file = Path.Combine(folder.FullName, "openapi.json");
            await File.WriteAllTextAsync(file, text, Ct);
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, ".spectral.yaml"), "extends: [\"spectral:oas\"]\n", Ct);
            var start = new ProcessStartInfo(spectral, ["lint", file, "--ruleset", Path.Combine(folder.FullName, ".spectral.yaml"), "--fail-severity=hint"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder.FullName,
            };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync(Ct) + await process.StandardError.ReadToEndAsync(Ct);
            await process.WaitForExitAsync(Ct);

            Assert.True(process.ExitCode == 0, output);
            Assert.Contains("No results with a severity of 'hint' or higher found!", output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
