using System.CommandLine;
using Scorecards.Data;
using Scorecards.Web.Features.Members;
using static Scorecards.Web.Cli.CommandLine;

namespace Scorecards.Web.Cli.Verbs;

/// <summary><c>cochair list|add|remove</c>: manages the Co-Chair governments.</summary>
internal static class CoChairVerb
{
    public static Command Create(TextWriter output)
    {
        var list = new Command("list", "Lists the Process's Co-Chair governments, whose Co-Chair reviewers approve scorecards.");
        list.SetAction(async (result, ct) =>
        {
            await InScopeAsync(result, output, ct, async scope =>
            {
                foreach (var government in await CoChairGovernments.ListAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct))
                {
                    await output.WriteLineAsync(government.Name);
                }
            });
            return 0;
        });

        Command Change(string name, string description, string done, Func<CoChairGovernments, int, CancellationToken, Task<Domain.Result>> change)
        {
            var member = new Option<string>("--member") { Description = "The member state, as the member list spells it, such as Indonesia.", Required = true };
            var command = new Command(name, description) { member };
            command.SetAction(async (result, ct) =>
            {
                await InScopeAsync(result, output, ct, async scope =>
                {
                    var governments = scope.ServiceProvider.GetRequiredService<CoChairGovernments>();
                    var (id, error) = await governments.FindAsync(result.GetValue(member), ct);
                    if (id is null)
                    {
                        throw new CommandException($"--member: {error}");
                    }

                    var changed = await change(governments, id.Value, ct);
                    if (!changed.Succeeded)
                    {
                        throw new CommandException(changed.Message!);
                    }

                    await output.WriteLineAsync($"{result.GetValue(member)!.Trim()} {done}");
                });
                return 0;
            });
            return command;
        }

        return new Command("cochair", "Manages the Process's Co-Chair governments: only their reviewers' approvals count.")
        {
            list,
            Change("add", "Makes a member state a Co-Chair government.", "is now a Co-Chair government.", (g, id, ct) => g.AddAsync(id, ct)),
            Change("remove", "Ends a government's co-chairing; its reviewers' approvals no longer count.", "is no longer a Co-Chair government.",
                (g, id, ct) => g.RemoveAsync(id, ct)),
        };
    }
}
