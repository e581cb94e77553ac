using System.CommandLine;
using Scorecards.Web.Features.Seeding;
using static Scorecards.Web.Cli.CommandLine;

namespace Scorecards.Web.Cli.Verbs;

/// <summary><c>seed --demo</c>: seeds the demo data into an empty database.</summary>
internal static class SeedVerb
{
    public static Command Create(TextWriter output)
    {
        var demo = new Option<bool>("--demo") { Description = "Seed the demo data (members, bodies, framework, accounts, rounds).", Required = true };
        var command = new Command("seed", "Seeds demo data into an empty database.") { demo };
        command.SetAction(async (result, ct) =>
        {
            await InScopeAsync(result, output, ct, async scope =>
            {
                var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
                if (!seeded.Succeeded)
                {
                    throw new CommandException(seeded.Message!);
                }

                await PrintDemoAccountsAsync(output);
            }, mayCreate: true);
            return 0;
        });
        return command;
    }
}
