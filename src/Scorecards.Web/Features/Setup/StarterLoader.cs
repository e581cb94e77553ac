using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Data.Auditing;
using Scorecards.Domain;
using Scorecards.Web.Features.Framework;
using Scorecards.Web.Features.Members;

namespace Scorecards.Web.Features.Setup;

/// <summary>A part of the starter data an administrator may load on its own.</summary>
public enum StarterPart
{
    Members,
    Bodies,
    Areas,
}

/// <summary>
/// Loads one part of the starter data through the same paths a secretariat's own files take (the members import, the
/// register, the framework import), only where that part is still empty, and records that it was starter data.
/// </summary>
public sealed class StarterLoader(AppDbContext db, MemberImporter members, RegisterService register, FrameworkImporter framework, TimeProvider clock)
{
    public async Task<Result<string>> LoadAsync(StarterPart part, ClaimsPrincipal user, CancellationToken ct)
    {
        // Each path is all-or-nothing on its own (the imports in their transactions, the bodies in one here).
        var loaded = part switch
        {
            StarterPart.Members => await MembersAsync(ct),
            StarterPart.Bodies => await BodiesAsync(user, ct),
            _ => await AreasAsync(ct),
        };
        if (!loaded.Succeeded)
        {
            return loaded;
        }

        db.AuditEvents.Add(new AuditEvent
        {
            Utc = clock.GetUtcNow().UtcDateTime,
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = user.Identity?.Name ?? "",
            Action = "Created",
            EntityType = "StarterData",
            EntityId = part.ToString().ToLowerInvariant(),
            Subject = "Starter data loaded",
            After = loaded.Value,
        });
        await db.SaveChangesAsync(ct);
        return loaded;
    }

    private async Task<Result<string>> MembersAsync(CancellationToken ct)
    {
        if (await db.Members.AnyAsync(ct))
        {
            return Result.Fail("starter.not-empty", "The register already has members; the published list is loaded only into an empty one.");
        }

        // The published list with a note on every line, so the register says where each member came from.
        var lines = Encoding.UTF8.GetString(StarterData.MembersCsv()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var csv = string.Join("\n", lines.Select((l, i) => i == 0 ? $"{l},{MemberSheet.Note}" : $"{l},\"{StarterData.MemberNote}\"")) + "\n";
        var preview = await members.RunAsync("members.csv", Encoding.UTF8.GetBytes(csv), apply: true, ct);
        return preview.Rejected > 0
            ? Result.Fail("starter.refused", string.Join(" ", preview.Rejections.Select(r => $"row {r.Row}, {r.Column}: {r.Reason}")))
            : $"{preview.Created} members of the published list";
    }

    private async Task<Result<string>> BodiesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (await db.Bodies.AnyAsync(ct))
        {
            return Result.Fail("starter.not-empty", "There are reporting bodies already; the six are loaded only when there are none.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (code, name) in StarterData.Bodies)
        {
            var added = await register.AddBodyAsync(user, code, name, ct);
            if (!added.Succeeded)
            {
                return Result.Fail("starter.refused", $"{code}: {added.Outcome.Message}");
            }
        }

        await transaction.CommitAsync(ct);
        return $"the {StarterData.Bodies.Count} reporting bodies: {string.Join(", ", StarterData.Bodies.Select(b => b.Code))}";
    }

    private async Task<Result<string>> AreasAsync(CancellationToken ct)
    {
        if (await db.Strategies.AnyAsync(ct))
        {
            return Result.Fail("starter.not-empty", "There is a framework already; import a file to change it.");
        }

        var (summary, errors) = await framework.ImportAsync(await framework.TemplateAsync(ct), ct);
        return summary is null
            ? Result.Fail("starter.refused", string.Join(" ", errors.Select(e => e.ToString())))
            : $"the Strategy's {StarterData.AreasOfCooperation.Count} areas of cooperation, no objectives";
    }
}
