using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Infrastructure;

/// <summary>
/// What the OpenAPI document says beyond what the endpoints declare: who may call each operation and how to sign in,
/// the problem details each can answer with, and a stable operationId. Kept here, in one place, so that every
/// endpoint is described by the same rules and a new one needs nothing but its summary.
/// </summary>
public static class ApiDocument
{
    public const string Bearer = "bearerToken";
    public const string Cookie = "signInCookie";
    private const string Problem = "Problem";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Activities"] = "The register of what the bodies did: workshops, meetings, trainings, publications; imported and exported as CSV or Excel.",
        ["Audit"] = "Who changed what and when, for administrators.",
        ["Bodies"] = "The reporting bodies: the working groups, the task force, the RSO and the business forum.",
        ["Framework"] = "The Adelaide Strategy as the bodies report against it: focus areas, objectives, indicators and who reports on each.",
        ["Meetings and decisions"] = "Meetings of the Process and the decisions taken at them, followed up by their owner bodies.",
        ["Members"] = "The members of the Process, with the two Co-Chair governments.",
        ["Public"] = "Published rounds, readable without signing in.",
        ["Rounds"] = "Reporting rounds: opened, reviewed and published by the secretariat and the Co-Chairs; their summaries, papers and statement.",
        ["Scorecards"] = "One body's report in a round: its entries, submitted by the body and approved by both Co-Chair governments.",
        ["Work plans"] = "Each body's forward work plan, and the activities that deliver its items.",
    };

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            Describe(document);
            return Task.CompletedTask;
        });
        // Text goes through a converter of the app's own (it refuses control characters), which hides from the schema
        // generator that it is a string.
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type == typeof(string))
            {
                schema.Type = context.JsonPropertyInfo is { IsGetNullable: true } ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            }
            else if (context.JsonTypeInfo.ElementType == typeof(string) && schema.Items is null)
            {
                schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
            }

            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            Describe(operation, context);
            return Task.CompletedTask;
        });
    }

    private static void Describe(OpenApiDocument document)
    {
        document.Info.Title = "Scorecards API";
        document.Info.Description = "Progress of the Bali Process reporting bodies against the 2023 Adelaide Strategy for Cooperation. "
            + "Every error is a problem details object (RFC 9457) with a stable `code` to match on; invalid fields are listed under `errors`.";
        document.Info.Contact = new OpenApiContact { Name = "Bali Process Regional Support Office (the secretariat)", Url = new Uri("https://www.baliprocess.net/") };
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal access token (sct_…), made on the account's Tokens page or with `scorecards token create`. "
                + "Read-only tokens may only read.",
        };
        document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "scorecards",
            Description = "The browser's sign-in cookie. A change sent with it must also carry the page's anti-forgery token in the RequestVerificationToken header.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Problem] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "What went wrong: `code` is stable, `detail` is written for the person who asked.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "validation, bad-json, not-found, forbidden, conflict, or a rule's own code such as round.closed." },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "For code validation: the messages for each field at fault, by the field's name in the request.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
            Required = new HashSet<string> { "status", "code" },
        };

        // Every tag an operation uses is declared, with what it groups.
        var used = (document.Paths?.Values.AsEnumerable() ?? []).SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag { Name = name, Description = TagDescriptions.GetValueOrDefault(name) }));
    }

    private static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var route = "/" + (description.RelativePath ?? "").Trim('/');
        var method = description.HttpMethod ?? "GET";
        operation.OperationId = OperationId(method, route);

        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
        var who = anonymous ? "Anyone, without signing in."
            : policies.Contains(Policies.Administrator) ? "Administrators."
            : "Any signed-in person with a role; the summary says who else is needed, and anyone else gets 403.";
        operation.Description = $"{operation.Summary}\n\nWho may call it: {who}";

        var hasBody = description.ParameterDescriptions.Any(p => p.Source.Id == "Body") || operation.RequestBody is not null;
        var hasParameters = description.ParameterDescriptions.Count > 0 || hasBody;
        operation.Responses ??= new OpenApiResponses();
        if (hasParameters)
        {
            Add(operation, context, "400", "The request is not right: `validation` (with `errors`), `bad-json`, or a rule's own code.");
        }

        if (!anonymous)
        {
            Add(operation, context, "401", "Not signed in: sign in, or send a personal access token.");
            Add(operation, context, "403", "The account may not do this (`forbidden`).");
            operation.Security = [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, context.Document)] = [] },
            ];
        }

        if (route.Contains('{', StringComparison.Ordinal))
        {
            Add(operation, context, "404", "Nothing has that id (`not-found`).");
            if (method != "GET")
            {
                Add(operation, context, "409", "The current state refuses it: the code names the rule (a closed round, an approved scorecard, a stale version).");
            }
        }

        if (hasBody)
        {
            Add(operation, context, "413", "The body is larger than the operation accepts (`too-large`).");
            Add(operation, context, "415", "The body is not of a type the operation reads (`unsupported-media-type`).");
        }
    }

    /// <summary>
    /// Describes a body the endpoint reads itself, as a file (a framework file, a register, a workbook) rather than
    /// bound JSON; <paramref name="rejected"/> says what a 422 means when the file is read but refused.
    /// </summary>
    public static RouteHandlerBuilder AcceptsFile(this RouteHandlerBuilder builder, string what, string? rejected, params string[] mediaTypes) =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = what,
                Content = mediaTypes.ToDictionary(t => t, t => new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = t.Contains("sheet", StringComparison.Ordinal) ? "binary" : null },
                }),
            };
            Add(operation, context, "413", "The file is larger than the operation accepts (`too-large`).");
            Add(operation, context, "415", "The file is not of a type the operation reads (`unsupported-media-type`).");
            if (rejected is not null)
            {
                Add(operation, context, "422", rejected);
            }

            return Task.CompletedTask;
        });

    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string text)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = text,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(Problem, context.Document) },
            },
        };
    }

    /// <summary>"GET /api/v1/meetings/{id}/decisions" becomes "getMeetingsByIdDecisions": unique as method and route are, and stable.</summary>
    public static string OperationId(string method, string route)
    {
        var words = route.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s is not "api" and not "v1")
            .Select(s => s.StartsWith('{') ? "By" + Capital(s.Trim('{', '}').Split(':')[0]) : string.Concat(s.Split('-').Select(Capital)));
        return method.ToLowerInvariant() + string.Concat(words);
    }

    private static string Capital(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
