using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>
/// The limit the app is measured against: Kestrel answering with a file's bytes, held in memory, with nothing else in
/// the pipeline. What the app serves cannot be served faster on the same machine. Each file is served at its place in
/// the list: <c>/0</c>, <c>/1</c>, …, so that each of the app's answers is measured against the same bytes.
/// Usage: -- baseline URL FILE CONTENT_TYPE [FILE CONTENT_TYPE …]
/// </summary>
internal static class Baseline
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 3 || args.Length % 2 == 0)
        {
            Console.Error.WriteLine("usage: Scorecards.Bench baseline URL FILE CONTENT_TYPE [FILE CONTENT_TYPE …]");
            return 2;
        }

        var files = new List<(byte[] Bytes, string Type)>();
        for (var i = 1; i < args.Length; i += 2)
        {
            files.Add((await File.ReadAllBytesAsync(args[i]), args[i + 1]));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(args[0]);
        await using var app = builder.Build();
        app.Run(context =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (!int.TryParse(path.AsSpan(1), out var index) || index < 0 || index >= files.Count)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            var (bytes, type) = files[index];
            context.Response.ContentType = type;
            context.Response.ContentLength = bytes.Length;
            return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
        });
        await app.RunAsync();
        return 0;
    }
}
