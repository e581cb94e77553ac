using System.Net.Http.Json;
using System.Text.Json;

namespace Scorecards.Web.Tests.Infrastructure;

/// <summary>Reading an API response's JSON body, for the tests that assert on it.</summary>
public static class HttpJson
{
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
}
