using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>
/// The limit the app is measured against: Kestrel answering every request with one file's bytes, held in memory, with
/// nothing else in the pipeline. What the app serves for a page cannot be served faster on the same machine.
/// Usage: -- baseline FILE CONTENT_TYPE URL
/// </summary>
internal static class Baseline
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 3)
        {
            Console.Error.WriteLine("usage: Scorecards.Bench baseline FILE CONTENT_TYPE URL");
            return 2;
        }

        var bytes = await File.ReadAllBytesAsync(args[0]);
        var type = args[1];
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(args[2]);
        await using var app = builder.Build();
        app.Run(context =>
        {
            context.Response.ContentType = type;
            context.Response.ContentLength = bytes.Length;
            return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
        });
        await app.RunAsync();
        return 0;
    }
}
