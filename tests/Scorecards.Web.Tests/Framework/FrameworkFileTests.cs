using System.Net;
using System.Text.Json;
using Json.Schema;
using Scorecards.Web.Features.Framework;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Framework;

/// <summary>The framework file as a secretariat meets it: the template, the published schema, and what an import says it did.</summary>
public sealed class FrameworkFileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonSchema> SchemaAsync(HttpClient anyone)
    {
        var response = await anyone.GetAsync("/schemas/framework.schema.json", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSchema.FromText(await response.Content.ReadAsStringAsync(Ct));
    }

    private static JsonElement AsJson(string yaml)
    {
        var (document, errors) = FrameworkFile.Read(yaml);
        Assert.Empty(errors);
        return JsonDocument.Parse(FrameworkFile.Write(document!, FrameworkFormat.Json)).RootElement;
    }

    [Fact]
    public async Task Schema_AcceptsTheDemoFrameworkAndTheTemplate_AndRefusesWhatTheReaderRefuses()
    {
        await using var app = await TestApp.StartAsync();
        var schema = await SchemaAsync(app.CreateClient());
        var demo = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "framework", "adelaide-strategy-2023.yaml"), Ct);
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List };

        var demoResult = schema.Evaluate(AsJson(demo), options);
        var templateResult = schema.Evaluate(AsJson(FrameworkFile.Template(["WG-TIP", "RSO"])), options);
        var misspelt = JsonDocument.Parse("""{"strategy": {"code": "S", "name": "N"}, "focusAreas": [{"code": "LE", "name": "L", "colour": "red"}]}""");
        var badCode = JsonDocument.Parse("""{"strategy": {"code": "S", "name": "N"}, "focusAreas": [{"code": "LE", "name": "L", "objectives": [{"code": "le one", "title": "T"}]}]}""");

        Assert.True(demoResult.IsValid, string.Join("\n", (demoResult.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.True(templateResult.IsValid);
        Assert.False(schema.Evaluate(misspelt.RootElement, options).IsValid);
        Assert.False(schema.Evaluate(badCode.RootElement, options).IsValid);
        Assert.NotEmpty(FrameworkFile.Read(misspelt.RootElement.GetRawText()).Errors);
    }

    [Fact]
    public async Task TemplateImportedOverAFramework_CountsEachKindApart()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var admin = await world.SignInAsync(World.Admin);
        var template = await (await admin.GetAsync("/admin/framework?handler=Template", Ct)).Content.ReadAsStringAsync(Ct);
        var api = await world.ApiAsync(World.Admin);

        var response = await api.PutAsync("/api/v1/framework", new StringContent(template, System.Text.Encoding.UTF8, "application/yaml"), Ct);

        Assert.Contains("# The reporting bodies an objective may name: WG-TIP, RSO.", template, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await HttpJson.JsonAsync(response);
        Assert.Equal("updated", summary.GetProperty("strategy").GetString());
        Assert.Equal((6, 2, 0), (summary.GetProperty("focusAreas").GetProperty("created").GetInt32(), summary.GetProperty("focusAreas").GetProperty("updated").GetInt32(),
            summary.GetProperty("focusAreas").GetProperty("retired").GetInt32()));
        Assert.Equal((0, 5), (summary.GetProperty("objectives").GetProperty("inFile").GetInt32(), summary.GetProperty("objectives").GetProperty("retired").GetInt32()));
        Assert.Equal(1, summary.GetProperty("indicators").GetProperty("retired").GetInt32());
        var page = await admin.GetStringAsync("/admin/framework", Ct);
        Assert.Contains("Victim Protection and Migration Management", page, StringComparison.Ordinal);
    }
}
