using Microsoft.EntityFrameworkCore;

namespace Scorecards.Data;

/// <summary>
/// Which server runs a piece of background work for now: the one that last wrote its name here, until the lease runs
/// out. Taking the lease is one conditional write, so of several servers exactly one holds it at a time; a server that
/// dies stops renewing, and another takes over once its lease has run out.
/// </summary>
public sealed class JobLease
{
    public string Name { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateTime UntilUtc { get; set; }

    /// <summary>A name for one worker of one server, as it writes its leases: the machine, the process and a random part.</summary>
    public static string NewOwner() => $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Takes or renews the lease <paramref name="name"/> for <paramref name="owner"/>; false while another holds it.</summary>
    public static async Task<bool> TryTakeAsync(AppDbContext db, string name, string owner, DateTime nowUtc, TimeSpan length, CancellationToken ct)
    {
        var until = nowUtc + length;
        var taken = await db.JobLeases.Where(l => l.Name == name && (l.Owner == owner || l.UntilUtc < nowUtc))
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Owner, owner).SetProperty(l => l.UntilUtc, until), ct);
        if (taken == 1)
        {
            return true;
        }

        if (await db.JobLeases.AsNoTracking().AnyAsync(l => l.Name == name, ct))
        {
            return false;
        }

        try
        {
            db.JobLeases.Add(new JobLease { Name = name, Owner = owner, UntilUtc = until });
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another server wrote the first lease at the same moment: it holds it.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
