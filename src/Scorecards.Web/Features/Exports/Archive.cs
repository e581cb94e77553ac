using System.IO.Compression;
using System.Linq.Expressions;
using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Localization;
using Scorecards.Data;
using Scorecards.Data.Accounts;

namespace Scorecards.Web.Features.Exports;

/// <summary>
/// Everything the Process holds, in one zip to archive a year or move to another system: every record of every table as
/// JSON, and each round's papers. The layout is <c>docs/export-all.md</c>. What would let someone act as another person
/// (password hashes, the keys that sign cookies, authenticator keys, tokens' hashes, mail in transit with its links) and
/// what is only machinery (uploads awaiting confirmation, sign-in failures, job leases) is left out, and the manifest says so.
/// </summary>
public static class Archive
{
    public const string Format = "scorecards-archive";
    public const int Version = 1;

    /// <summary>Tables left out whole, with the reason the manifest gives.</summary>
    public static readonly IReadOnlyDictionary<string, string> TablesLeftOut = new Dictionary<string, string>
    {
        ["DataProtectionKeys"] = "the keys that sign sign-in cookies and links: a copy would let its holder act as anyone",
        ["AspNetUserTokens"] = "authenticator keys and recovery codes",
        ["Outbox"] = "e-mail in transit, which carries live links; the notices themselves are in Notices",
        ["Uploads"] = "files awaiting an administrator's confirmation, kept for a day",
        ["SignInFailures"] = "failed sign-ins, kept for fifteen minutes to limit guessing",
        ["JobLeases"] = "which server runs the scheduled work",
    };

    /// <summary>Columns left out of tables that are kept, with the reason.</summary>
    public static readonly IReadOnlyDictionary<(string Table, string Column), string> ColumnsLeftOut = new Dictionary<(string, string), string>
    {
        [("AspNetUsers", "PasswordHash")] = "password hashes: people choose a new password in the next system",
        [("AspNetUsers", "SecurityStamp")] = "what ends sessions when a password changes",
        [("ApiTokens", "Hash")] = "the hash that checks a token",
    };

    /// <summary>Settings rows left out: the first-run link's hash, which creates an administrator.</summary>
    private static readonly HashSet<string> SettingsLeftOut = [Setup.FirstRun.TokenKey];

    private static readonly JsonSerializerOptions Values = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>What an archive holds, as its manifest says.</summary>
    public sealed record Contents(IReadOnlyList<(string Table, int Records)> Tables, IReadOnlyList<string> Papers)
    {
        public int Records => Tables.Sum(t => t.Records);
    }

    public static async Task<Contents> WriteAsync(AppDbContext db, ClaimsPrincipal reader, IStringLocalizer t, DateTime generatedUtc, string? schema, Stream output, CancellationToken ct)
    {
        var tables = new List<(string Table, int Records, IReadOnlyList<(string Name, string Type)> Columns)>();
        var papers = new List<string>();
        await using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var type in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
            {
                var table = type.GetTableName()!;
                if (TablesLeftOut.ContainsKey(table))
                {
                    continue;
                }

                // The model's order: the key first, then the other columns by name.
                var columns = type.GetProperties().Where(p => !ColumnsLeftOut.ContainsKey((table, p.Name))).ToList();
                var entry = Entry(zip, $"records/{table}.json", generatedUtc);
                int count;
                await using (var stream = entry.Open())
                {
                    count = await WriteTableAsync(db, type, columns, stream, ct);
                }

                tables.Add((table, count, [.. columns.Select(c => (c.GetColumnName(), TypeName(c.ClrType)))]));
            }

            foreach (var round in await db.Rounds.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct))
            {
                var export = await RoundExportQueries.LoadAsync(db, round, reader, includeUnapproved: false, ct);
                if (export is null)
                {
                    continue;
                }

                foreach (var format in RoundExport.Formats)
                {
                    var name = $"papers/round-{round}/{RoundFiles.FileName(export, format)}";
                    await using var stream = Entry(zip, name, generatedUtc).Open();
                    await RoundFiles.WriteAsync(export, format, t, generatedUtc, stream, ct);
                    papers.Add(name);
                }
            }

            await using (var manifest = Entry(zip, "manifest.json", generatedUtc).Open())
            {
                await JsonSerializer.SerializeAsync(manifest, new
                {
                    format = Format,
                    version = Version,
                    generatedUtc = DateTime.SpecifyKind(generatedUtc, DateTimeKind.Utc),
                    schema,
                    tables = tables.Select(x => new { name = x.Table, file = $"records/{x.Table}.json", records = x.Records, columns = x.Columns.Select(c => new { name = c.Name, type = c.Type }) }),
                    papers,
                    leftOut = new
                    {
                        tables = TablesLeftOut.Select(x => new { name = x.Key, why = x.Value }),
                        columns = ColumnsLeftOut.Select(x => new { table = x.Key.Table, column = x.Key.Column, why = x.Value }),
                        settings = SettingsLeftOut.Select(k => new { key = k, why = "the first-run link's hash, which creates an administrator" }),
                    },
                }, new JsonSerializerOptions { WriteIndented = true, Encoder = Values.Encoder }, ct);
            }
        }

        return new Contents([.. tables.Select(x => (x.Table, x.Records))], papers);
    }

    private static ZipArchiveEntry Entry(ZipArchive zip, string name, DateTime generatedUtc)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(DateTime.SpecifyKind(generatedUtc, DateTimeKind.Utc));
        return entry;
    }

    private static readonly MethodInfo WriteRowsMethod = typeof(Archive).GetMethod(nameof(WriteRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Writes the table as a JSON array of objects, one per record, read as a stream in key order.</summary>
    private static async Task<int> WriteTableAsync(AppDbContext db, IEntityType type, IReadOnlyList<IProperty> columns, Stream stream, CancellationToken ct)
    {
        var method = WriteRowsMethod.MakeGenericMethod(type.ClrType);
        return await (Task<int>)method.Invoke(null, [db, type, columns, stream, ct])!;
    }

    private static async Task<int> WriteRowsAsync<T>(AppDbContext db, IEntityType type, IReadOnlyList<IProperty> columns, Stream stream, CancellationToken ct)
        where T : class
    {
        var set = type.HasSharedClrType ? db.Set<T>(type.Name) : db.Set<T>();
        // Every column, shadow ones (foreign keys, join tables) included, read through EF.Property into one array per record.
        var record = Expression.Parameter(typeof(T), "record");
        var property = typeof(EF).GetMethod(nameof(EF.Property))!;
        var select = Expression.Lambda<Func<T, object?[]>>(
            Expression.NewArrayInit(typeof(object), columns.Select(c => Expression.Convert(
                Expression.Call(property.MakeGenericMethod(c.ClrType), record, Expression.Constant(c.Name)), typeof(object)))),
            record);
        IQueryable<T> ordered = set.AsNoTracking();
        var keys = type.FindPrimaryKey()?.Properties ?? [];
        for (var i = 0; i < keys.Count; i++)
        {
            var key = Expression.Lambda<Func<T, object>>(Expression.Convert(
                Expression.Call(property.MakeGenericMethod(keys[i].ClrType), record, Expression.Constant(keys[i].Name)), typeof(object)), record);
            ordered = i == 0 ? ordered.OrderBy(key) : ((IOrderedQueryable<T>)ordered).ThenBy(key);
        }

        var settings = type.ClrType == typeof(AppSetting);
        var count = 0;
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, Encoder = Values.Encoder });
        json.WriteStartArray();
        await foreach (var row in ordered.Select(select).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (settings && row[0] is string settingKey && SettingsLeftOut.Contains(settingKey))
            {
                continue;
            }

            json.WriteStartObject();
            for (var c = 0; c < columns.Count; c++)
            {
                json.WritePropertyName(columns[c].GetColumnName());
                if (row[c] is DateTime moment)
                {
                    // Times are kept in UTC whatever the database says of their kind.
                    json.WriteStringValue(DateTime.SpecifyKind(moment, DateTimeKind.Utc));
                }
                else
                {
                    JsonSerializer.Serialize(json, row[c], row[c]?.GetType() ?? typeof(object), Values);
                }
            }

            json.WriteEndObject();
            count++;
            if (json.BytesPending > 64 * 1024)
            {
                await json.FlushAsync(ct);
            }
        }

        json.WriteEndArray();
        await json.FlushAsync(ct);
        return count;
    }

    /// <summary>The JSON type of a column, as the manifest names it.</summary>
    private static string TypeName(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => "string",
            _ when type == typeof(bool) => "boolean",
            _ when type.IsEnum => "string (name)",
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => "string (date and time, ISO 8601, UTC)",
            _ when type == typeof(DateOnly) => "string (date, ISO 8601)",
            _ when type == typeof(Guid) => "string (uuid)",
            _ when type == typeof(byte[]) => "string (base64)",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) => "integer",
            _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => "number",
            _ => type.Name,
        };
    }
}
