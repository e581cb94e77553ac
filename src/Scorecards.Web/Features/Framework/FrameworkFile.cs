using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scorecards.Domain.Framework;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Scorecards.Web.Features.Framework;

public enum FrameworkFormat
{
    Yaml,
    Json,
}

/// <summary>
/// Reads and writes the framework file. YAML and JSON are both read by the YAML parser (JSON is a
/// subset of YAML), so errors in either name the line as well as the path and field.
/// </summary>
/// <summary>A limit of <see cref="FrameworkFile"/> that a file passes, with the problem code the API answers.</summary>
public sealed record FrameworkLimit(string Code, int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

public static class FrameworkFile
{
    private static readonly string[] RootFields = ["strategy", "focusAreas"];
    private static readonly string[] StrategyFields = ["code", "name", "description"];
    private static readonly string[] FocusAreaFields = ["code", "name", "description", "objectives"];
    private static readonly string[] ObjectiveFields = ["code", "title", "description", "illustrative", "bodies", "indicators"];
    private static readonly string[] IndicatorFields = ["code", "name", "kind", "unit", "baseline", "target"];

    public static FrameworkFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => FrameworkFormat.Yaml,
        ".json" => FrameworkFormat.Json,
        var other => throw new FormatException($"'{Path.GetFileName(path)}' has the extension '{other}'; use .yaml, .yml or .json."),
    };

    /// <summary>The largest framework file read; the Adelaide Strategy's is under 10 KB.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>How deeply lists and mappings may nest; a framework file needs seven levels.</summary>
    public const int MaxDepth = 12;

    /// <summary>How many values, lists and mappings a file may hold in all.</summary>
    public const int MaxNodes = 100_000;

    /// <summary>
    /// Checks the limits a framework file must keep before it is read into memory, walking the parser's events
    /// without building anything: size, nesting, node count, and no anchors or aliases (which could repeat one part
    /// of the file without end). The error names the limit and the line; null when the file is within them.
    /// </summary>
    public static FrameworkLimit? ExceedsLimits(string text)
    {
        if (text.Length > MaxBytes)
        {
            return new FrameworkLimit("framework.too-large", 1, $"the file is larger than {MaxBytes / 1024 / 1024} MB, the most a framework file may be.");
        }

        var parser = new Parser(new StringReader(text));
        var depth = 0;
        var nodes = 0;
        try
        {
            while (parser.MoveNext())
            {
                var line = checked((int)parser.Current!.Start.Line);
                switch (parser.Current)
                {
                    case AnchorAlias:
                        return new FrameworkLimit("framework.alias", line, "aliases (*name) are not accepted in a framework file; write the value out.");
                    case NodeEvent { Anchor.IsEmpty: false }:
                        return new FrameworkLimit("framework.alias", line, "anchors (&name) are not accepted in a framework file; write the value out.");
                    case MappingStart or SequenceStart when ++depth > MaxDepth:
                        return new FrameworkLimit("framework.too-deep", line, $"lists and mappings are nested more than {MaxDepth} deep; a framework file needs seven levels.");
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }

                if (parser.Current is NodeEvent && ++nodes > MaxNodes)
                {
                    return new FrameworkLimit("framework.too-many-nodes", line, $"the file holds more than {MaxNodes:N0} values, the most a framework file may.");
                }
            }
        }
        catch (YamlException)
        {
            // Reading the file names the syntax error and its line.
        }

        return null;
    }

    /// <summary>Reads a framework file; the document is null when its shape is too broken to check further.</summary>
    public static (FrameworkDocument? Document, IReadOnlyList<FrameworkError> Errors) Read(string text)
    {
        var errors = new List<FrameworkError>();
        if (ExceedsLimits(text) is { } limit)
        {
            errors.Add(new FrameworkError(new FileLocation(limit.Line, ""), "", limit.Message));
            return (null, errors);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            errors.Add(new FrameworkError(new FileLocation(checked((int)e.Start.Line), ""), "", $"the file cannot be read: {e.Message}"));
            return (null, errors);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new FrameworkError(new FileLocation(1, ""), "", "the file is empty or is not a mapping with 'strategy' and 'focusAreas'."));
            return (null, errors);
        }

        var reader = new Reader(errors);
        var document = reader.ReadDocument(root);
        return (document, errors);
    }

    /// <summary>
    /// A framework file to start from: the Strategy's eight areas of cooperation and no objectives, importable as it is,
    /// with a commented example of an objective that names every field. <paramref name="bodyCodes"/> are the bodies
    /// there are, for the example and the header.
    /// </summary>
    public static string Template(IReadOnlyList<string> bodyCodes)
    {
        var example = bodyCodes.Count > 0 ? string.Join(", ", bodyCodes.Take(2)) : "WG-TIP, RSO";
        var text = new StringBuilder()
            .AppendLine("# A Scorecards framework file: the strategy, its focus areas and, under each, the objectives the bodies report on.")
            .AppendLine("# docs/framework-format.md describes every field; docs/framework.schema.json checks a file in an editor.")
            .AppendLine("#")
            .AppendLine("# This template holds the Strategy's eight areas of cooperation and no objectives, and can be imported as it is.")
            .AppendLine("# Add the agreed objectives under each area, as in the example under Law enforcement, then import the file on")
            .AppendLine("# the Framework page or with: scorecards framework import FILE")
            .AppendLine(bodyCodes.Count > 0
                ? $"# The reporting bodies an objective may name: {string.Join(", ", bodyCodes)}."
                : "# There are no reporting bodies yet: add them before assigning objectives to them.")
            .AppendLine("strategy:")
            .AppendLine(CultureInfo.InvariantCulture, $"  code: {Setup.StarterData.StrategyCode}")
            .AppendLine(CultureInfo.InvariantCulture, $"  name: {Setup.StarterData.StrategyName}")
            .AppendLine(CultureInfo.InvariantCulture, $"  description: {Setup.StarterData.StrategyDescription}")
            .AppendLine("focusAreas:");
        foreach (var (code, name) in Setup.StarterData.AreasOfCooperation)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  - code: {code}").AppendLine(CultureInfo.InvariantCulture, $"    name: {name}").AppendLine("    objectives: []");
            if (code == Setup.StarterData.AreasOfCooperation[0].Code)
            {
                text.AppendLine("    # objectives:")
                    .AppendLine(CultureInfo.InvariantCulture, $"    #   - code: {code}-1             # the area's code, a hyphen and a number; used once in the file")
                    .AppendLine("    #     title: What the bodies work towards, as agreed   # at most 300 characters")
                    .AppendLine("    #     description: Optional; at most 4,000 characters.")
                    .AppendLine(CultureInfo.InvariantCulture, $"    #     bodies: [{example}]     # the bodies that report on it")
                    .AppendLine("    #     indicators:              # optional")
                    .AppendLine(CultureInfo.InvariantCulture, $"    #       - code: {code}-1.1")
                    .AppendLine("    #         name: Officials trained in online investigations")
                    .AppendLine("    #         kind: quantitative   # quantitative (a number against a target) or milestone (reached or not)")
                    .AppendLine("    #         unit: officials")
                    .AppendLine("    #         baseline: 0")
                    .AppendLine("    #         target: 200");
            }
        }

        return text.ToString();
    }

    public static string Write(FrameworkDocument document, FrameworkFormat format)
    {
        var json = new JsonObject
        {
            ["strategy"] = new JsonObject
            {
                ["code"] = document.Strategy.Code,
                ["name"] = document.Strategy.Name,
                ["description"] = document.Strategy.Description,
            },
            ["focusAreas"] = new JsonArray(document.FocusAreas.Select(area => (JsonNode)new JsonObject
            {
                ["code"] = area.Code,
                ["name"] = area.Name,
                ["description"] = area.Description,
                ["objectives"] = new JsonArray(area.Objectives.Select(o => (JsonNode)new JsonObject
                {
                    ["code"] = o.Code,
                    ["title"] = o.Title,
                    ["description"] = o.Description,
                    ["illustrative"] = o.Illustrative,
                    ["bodies"] = new JsonArray(o.Bodies.Select(b => (JsonNode)JsonValue.Create(b)!).ToArray()),
                    ["indicators"] = new JsonArray(o.Indicators.Select(i => (JsonNode)new JsonObject
                    {
                        ["code"] = i.Code,
                        ["name"] = i.Name,
                        ["kind"] = i.Kind,
                        ["unit"] = i.Unit,
                        ["baseline"] = i.ParsedBaseline,
                        ["target"] = i.ParsedTarget,
                    }).ToArray()),
                }).ToArray()),
            }).ToArray()),
        };

        return format == FrameworkFormat.Json
            ? json.ToJsonString(Relaxed) + "\n"
            : ToYaml(json);
    }

    private static string ToYaml(JsonNode node)
    {
        var text = new StringBuilder();
        text.AppendLine("# Scorecards framework file: strategy → focus areas → objectives → indicators.");
        text.AppendLine("# 'bodies' lists the reporting bodies that report on an objective.");
        WriteYaml(text, node, 0, inList: false);
        return text.ToString();
    }

    private static void WriteYaml(StringBuilder text, JsonNode? node, int indent, bool inList)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case JsonObject obj:
                var first = true;
                foreach (var (key, value) in obj)
                {
                    if (value is null)
                    {
                        continue;
                    }

                    var prefix = inList && first ? "" : pad;
                    first = false;
                    if (value is JsonValue)
                    {
                        text.Append(prefix).Append(key).Append(": ").AppendLine(Scalar(value));
                    }
                    else if (value is JsonArray { Count: 0 })
                    {
                        text.Append(prefix).Append(key).AppendLine(": []");
                    }
                    else if (value is JsonArray array && array.All(v => v is JsonValue))
                    {
                        text.Append(prefix).Append(key).Append(": [").Append(string.Join(", ", array.Select(Scalar))).AppendLine("]");
                    }
                    else
                    {
                        text.Append(prefix).Append(key).AppendLine(":");
                        WriteYaml(text, value, indent + 2, inList: false);
                    }
                }

                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    text.Append(pad).Append("- ");
                    WriteYaml(text, item, indent + 2, inList: true);
                }

                break;
            default:
                text.Append(pad).AppendLine(Scalar(node));
                break;
        }
    }

    // JSON's scalars are valid YAML flow scalars, and JSON's string escapes are YAML's double-quoted ones.
    private static string Scalar(JsonNode? node) => node?.ToJsonString(Relaxed) ?? "null";

    private static readonly JsonSerializerOptions Relaxed = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed class Reader(List<FrameworkError> errors)
    {
        public FrameworkDocument? ReadDocument(YamlMappingNode root)
        {
            var fields = Fields(root, "", RootFields);
            if (!fields.TryGetValue("strategy", out var strategyNode) || strategyNode is not YamlMappingNode strategyMap)
            {
                errors.Add(new FrameworkError(Where(root, ""), "strategy", "is required and must be a mapping with code and name."));
                return null;
            }

            var strategyFields = Fields(strategyMap, "strategy", StrategyFields);
            var strategy = new StrategySpec(Text(strategyFields, "code", "strategy"), Text(strategyFields, "name", "strategy"),
                Text(strategyFields, "description", "strategy"), Where(strategyMap, "strategy"), Lines(strategyFields));

            var areas = new List<FocusAreaSpec>();
            foreach (var (node, path) in List(fields, "focusAreas", ""))
            {
                if (node is not YamlMappingNode map)
                {
                    errors.Add(new FrameworkError(Where(node, path), "", "must be a mapping with code, name and objectives."));
                    continue;
                }

                var f = Fields(map, path, FocusAreaFields);
                var objectives = new List<ObjectiveSpec>();
                foreach (var (objectiveNode, objectivePath) in List(f, "objectives", path))
                {
                    if (ReadObjective(objectiveNode, objectivePath) is { } objective)
                    {
                        objectives.Add(objective);
                    }
                }

                areas.Add(new FocusAreaSpec(Text(f, "code", path)?.ToUpperInvariant(), Text(f, "name", path), Text(f, "description", path),
                    objectives, Where(map, path), Lines(f)));
            }

            return new FrameworkDocument(strategy, areas);
        }

        private ObjectiveSpec? ReadObjective(YamlNode node, string path)
        {
            if (node is not YamlMappingNode map)
            {
                errors.Add(new FrameworkError(Where(node, path), "", "must be a mapping with code and title."));
                return null;
            }

            var f = Fields(map, path, ObjectiveFields);
            var bodies = List(f, "bodies", path)
                .Select(item => item.Node is YamlScalarNode s ? s.Value?.Trim().ToUpperInvariant() : Invalid(item.Node, item.Path, "must be a body code such as WG-TIP."))
                .OfType<string>().ToList();
            var indicators = new List<IndicatorSpec>();
            foreach (var (indicatorNode, indicatorPath) in List(f, "indicators", path))
            {
                if (indicatorNode is not YamlMappingNode indicatorMap)
                {
                    errors.Add(new FrameworkError(Where(indicatorNode, indicatorPath), "", "must be a mapping with code and name."));
                    continue;
                }

                var i = Fields(indicatorMap, indicatorPath, IndicatorFields);
                indicators.Add(new IndicatorSpec(Text(i, "code", indicatorPath)?.ToUpperInvariant(), Text(i, "name", indicatorPath),
                    Text(i, "kind", indicatorPath), Text(i, "unit", indicatorPath), Text(i, "baseline", indicatorPath), Text(i, "target", indicatorPath),
                    Where(indicatorMap, indicatorPath), Lines(i)));
            }

            var illustrative = false;
            if (Text(f, "illustrative", path) is { } flag && !bool.TryParse(flag, out illustrative))
            {
                errors.Add(new FrameworkError(Where(f["illustrative"], path), "illustrative", $"'{flag}' is not true or false."));
            }

            return new ObjectiveSpec(Text(f, "code", path)?.ToUpperInvariant(), Text(f, "title", path), Text(f, "description", path),
                illustrative, bodies, indicators, Where(map, path), Lines(f));
        }

        private string? Invalid(YamlNode node, string path, string message)
        {
            errors.Add(new FrameworkError(Where(node, path), "", message));
            return null;
        }

        private Dictionary<string, YamlNode> Fields(YamlMappingNode map, string path, string[] allowed)
        {
            var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in map.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                if (!allowed.Contains(key))
                {
                    errors.Add(new FrameworkError(Where(keyNode, path), key, $"is not a known field here; expected one of {string.Join(", ", allowed)}."));
                    continue;
                }

                if (!fields.TryAdd(key, value))
                {
                    errors.Add(new FrameworkError(Where(keyNode, path), key, "appears twice."));
                }
            }

            return fields;
        }

        private string? Text(Dictionary<string, YamlNode> fields, string key, string path)
        {
            if (!fields.TryGetValue(key, out var node))
            {
                return null;
            }

            if (node is YamlScalarNode scalar)
            {
                return scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "null" or "~" or "" ? null : scalar.Value?.Trim();
            }

            errors.Add(new FrameworkError(Where(node, path), key, "must be a single value, not a list or mapping."));
            return null;
        }

        private IEnumerable<(YamlNode Node, string Path)> List(Dictionary<string, YamlNode> fields, string key, string path)
        {
            if (!fields.TryGetValue(key, out var node) || node is YamlScalarNode { Value: null or "" or "null" or "~" })
            {
                return [];
            }

            if (node is not YamlSequenceNode sequence)
            {
                errors.Add(new FrameworkError(Where(node, path), key, "must be a list."));
                return [];
            }

            var prefix = path.Length == 0 ? key : $"{path}.{key}";
            return sequence.Children.Select((child, index) => (child, $"{prefix}[{index.ToString(CultureInfo.InvariantCulture)}]")).ToList();
        }

        private static Dictionary<string, int> Lines(Dictionary<string, YamlNode> fields) =>
            fields.ToDictionary(f => f.Key, f => checked((int)f.Value.Start.Line));

        private static FileLocation Where(YamlNode node, string path) => new(checked((int)node.Start.Line), path);
    }
}
