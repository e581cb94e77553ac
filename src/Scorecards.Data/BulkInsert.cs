using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Scorecards.Data.Auditing;

namespace Scorecards.Data;

/// <summary>
/// Writes many new rows at once, for imports: one prepared INSERT per table, run row by row in the current
/// transaction, with the model's tables, columns and value conversions, so it works on SQLite and PostgreSQL
/// alike. The change tracker is not used, which is what makes it fast; each new row still gets its "Created"
/// audit event, listing its parts, as a save through the change tracker would write.
/// </summary>
public static class BulkInsert
{
    /// <summary>
    /// Inserts <paramref name="rows"/>, then their parts (rows that point to them, such as an activity's
    /// objectives) with the new keys filled in, then one audit event per row. Needs an open transaction,
    /// so that the caller decides when it all becomes visible, or is rolled back. Saves a new
    /// <see cref="ContentVersion"/> with them, and with it anything else the context has pending.
    /// </summary>
    public static async Task InsertAsync<T>(this AppDbContext db, IReadOnlyList<T> rows, Func<T, IEnumerable<object>> parts, CancellationToken ct)
        where T : class
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Bulk inserts run inside a transaction.");
        }

        var inserters = new Dictionary<Type, Inserter>();
        Inserter For(Type type) => inserters.TryGetValue(type, out var found) ? found : inserters[type] = new Inserter(db, type);
        var events = new List<AuditEvent>(rows.Count);
        try
        {
            foreach (var row in rows)
            {
                var root = For(typeof(T));
                await root.InsertAsync(row, ct);
                var key = root.Key(row);
                var texts = new List<string>();
                foreach (var part in parts(row))
                {
                    var inserter = For(part.GetType());
                    var foreignKey = inserter.SetForeignKey(part, typeof(T), key);
                    await inserter.InsertAsync(part, ct);
                    texts.Add(AuditTrail.PartText(db.Entry(part), foreignKey));
                }

                if (!db.AuditingSuspended)
                {
                    events.Add(AuditTrail.Created(db, row, texts));
                }
            }

            var audit = For(typeof(AuditEvent));
            foreach (var e in events)
            {
                await audit.InsertAsync(e, ct);
            }

            // Rows written past the change tracker still change what pages show.
            if (rows.Count > 0)
            {
                await ContentVersion.BumpAsync(db, db.NowUtc, ct);
            }
        }
        finally
        {
            foreach (var inserter in inserters.Values)
            {
                await inserter.DisposeAsync();
            }
        }
    }

    /// <summary>One table's prepared INSERT, returning the generated key when the table has one.</summary>
    private sealed class Inserter : IAsyncDisposable
    {
        private readonly IEntityType _type;
        private readonly DbCommand _command;
        private readonly List<(IProperty Property, DbParameter Parameter, RelationalTypeMapping Mapping)> _columns = [];
        private readonly IProperty? _generatedKey;

        public Inserter(AppDbContext db, Type clrType)
        {
            _type = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(_type.GetTableName()!, _type.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            _command = db.Database.GetDbConnection().CreateCommand();
            _command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            var key = _type.FindPrimaryKey()!.Properties;
            _generatedKey = key is [{ ValueGenerated: ValueGenerated.OnAdd } generated] ? generated : null;
            var names = new List<string>();
            foreach (var property in _type.GetProperties().Where(p => p != _generatedKey))
            {
                var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
                var parameter = mapping.CreateParameter(_command, "@p" + _columns.Count, null, property.IsNullable);
                _command.Parameters.Add(parameter);
                _columns.Add((property, parameter, mapping));
                names.Add(sql.DelimitIdentifier(property.GetColumnName(table)!));
            }

            var returning = _generatedKey is null ? "" : $" RETURNING {sql.DelimitIdentifier(_generatedKey.GetColumnName(table)!)}";
            _command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) "
                + $"VALUES ({string.Join(", ", _columns.Select(c => c.Parameter.ParameterName))}){returning}";
        }

        public async Task InsertAsync(object row, CancellationToken ct)
        {
            foreach (var (property, parameter, mapping) in _columns)
            {
                var value = property.GetGetter().GetClrValueUsingContainingEntity(row);
                parameter.Value = (value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
            }

            if (_generatedKey is null)
            {
                await _command.ExecuteNonQueryAsync(ct);
                return;
            }

            var key = await _command.ExecuteScalarAsync(ct);
            Set(row, _generatedKey, Convert.ChangeType(key, _generatedKey.ClrType, System.Globalization.CultureInfo.InvariantCulture));
        }

        public object Key(object row) => _type.FindPrimaryKey()!.Properties is [var single]
            ? single.GetGetter().GetClrValueUsingContainingEntity(row)!
            : throw new InvalidOperationException($"{_type.ClrType.Name} has no single key for its parts to point to.");

        /// <summary>Points a part at its new parent; returns the name of the foreign key property.</summary>
        public string SetForeignKey(object part, Type parent, object key)
        {
            var foreignKey = _type.GetForeignKeys().Single(f => f.PrincipalEntityType.ClrType == parent && f.Properties.Count == 1).Properties[0];
            Set(part, foreignKey, key);
            return foreignKey.Name;
        }

        private static void Set(object row, IProperty property, object? value)
        {
            if (property.FieldInfo is { } field)
            {
                field.SetValue(row, value);
            }
            else
            {
                property.PropertyInfo!.SetValue(row, value);
            }
        }

        public ValueTask DisposeAsync() => _command.DisposeAsync();
    }
}
