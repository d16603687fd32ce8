using Shapotou.Sdk.Cli;

return ShapotouApp.Run(args, Console.Out, Console.Error);
