using System.CommandLine;
using System.Globalization;
using Scorecards.Data.Accounts;
using Scorecards.Web.Features.Settings;
using Scorecards.Web.Infrastructure.Authorization;
using static Scorecards.Web.Cli.CommandLine;

namespace Scorecards.Web.Cli.Verbs;

/// <summary><c>token create|list|revoke</c>: personal access tokens for the API.</summary>
internal static class TokenVerb
{
    public static Command Create(TextWriter output)
    {
        var email = new Option<string>("--email") { Description = "Whose token it is; the token acts with that person's rights.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for.", DefaultValueFactory = _ => "command line" };
        var days = new Option<int?>("--expires-in-days") { Description = $"Days until the token stops working (default {SecurityPolicy.DefaultTokenDays}; at most what administrators allow)." };
        var readOnly = new Option<bool>("--read-only") { Description = "The token may read but change nothing." };
        var create = new Command("create", "Creates a personal access token for the API; the token is the last line printed.") { email, name, days, readOnly };
        create.SetAction(async (result, ct) =>
        {
            await InScopeAsync(result, output, ct, async scope =>
            {
                var user = await FindUserAsync(scope, result.GetValue(email)!);
                var scopeOfToken = result.GetValue(readOnly) ? TokenScope.ReadOnly : TokenScope.ReadWrite;
                var (token, error) = await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
                    .CreateAsync(user, result.GetValue(name), scopeOfToken, result.GetValue(days), ct);
                if (token is null)
                {
                    throw new CommandException(error!);
                }

                var row = (await scope.ServiceProvider.GetRequiredService<ApiTokenService>().ListAsync(user.Id, ct))[0];
                await output.WriteLineAsync($"{(scopeOfToken == TokenScope.ReadOnly ? "Read-only token" : "Token")} {row.Id} for {user.Email}, valid until {row.ExpiresUtc:yyyy-MM-dd HH:mm} UTC. "
                    + "Send it as 'Authorization: Bearer <token>'. It is shown only once:");
                await output.WriteLineAsync(token);
            });
            return 0;
        });

        var listEmail = new Option<string?>("--email") { Description = "Only this person's tokens." };
        var list = new Command("list", "Lists tokens: id, owner, name, scope, created, last used, expiry and state; never the secret.") { listEmail };
        list.SetAction(async (result, ct) =>
        {
            await InScopeAsync(result, output, ct, async scope =>
            {
                var owner = result.GetValue(listEmail) is { } address ? (await FindUserAsync(scope, address)).Id : null;
                var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                await output.WriteLineAsync($"{"Id",5} {"Owner",-36} {"Name",-24} {"Scope",-10} {"Created",-10} {"Last used",-10} {"Expires",-10} State");
                foreach (var t in await scope.ServiceProvider.GetRequiredService<ApiTokenService>().ListAsync(owner, ct))
                {
                    await output.WriteLineAsync($"{t.Id,5} {t.OwnerEmail,-36} {t.Name,-24} {(t.Scope == TokenScope.ReadOnly ? "read" : "read-write"),-10} "
                        + $"{t.CreatedUtc,-10:yyyy-MM-dd} {(t.LastUsedUtc is { } used ? used.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "never"),-10} {t.ExpiresUtc,-10:yyyy-MM-dd} {t.State(now)}");
                }
            });
            return 0;
        });

        var id = new Option<int>("--id") { Description = "The token's id, as 'token list' shows it.", Required = true };
        var revoke = new Command("revoke", "Revokes a token: it stops working on the next request, on every server.") { id };
        revoke.SetAction(async (result, ct) =>
        {
            await InScopeAsync(result, output, ct, async scope =>
            {
                if (!await scope.ServiceProvider.GetRequiredService<ApiTokenService>().RevokeAsync(result.GetValue(id), ownerId: null, ct))
                {
                    throw new CommandException($"--id: there is no live token {result.GetValue(id)}.");
                }

                await output.WriteLineAsync($"Token {result.GetValue(id)} revoked.");
            });
            return 0;
        });

        return new Command("token", "Manages personal access tokens for the API.") { create, list, revoke };
    }
}
