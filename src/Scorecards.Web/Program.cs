using Scorecards.Web.Cli;

// One program: the web app (`scorecards serve`) and every administrative verb share the same services.
return await CommandLine.RunAsync(args);
