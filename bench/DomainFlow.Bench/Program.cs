using DomainFlow.Bench;

// DomainFlow's end-to-end generation benchmark. One subcommand per measurement; each prints one
// machine-readable line "RESULT <measurement> key=value ..." that scripts/bench-generation collects.
//
//   generator --names N
//   store     --provider sqlite|postgres --names N [--connection CS] [--data-dir DIR] [--workers W]
//             [--batch-size B] [--shard-size S]
//   export    --names N --export-file PATH
//   breakdown --provider sqlite|postgres --names N [--connection CS] [--data-dir DIR] [--batch-size B]
//   sqlite-insert-prepared|sqlite-insert-multirow|sqlite-insert-raw --names N [--batch-size B]   (investigation)
//   postgres-copy-importer|postgres-copy-raw --names N [--connection CS] [--batch-size B]         (investigation)
//   keywords-corpus --out DIR [--mb 500] [--keywords 200] [--seed 1]   (scripts/bench-keywords)
//   keywords --corpus DIR [--threads N]
try
{
    if (args is ["keywords-corpus", ..])
    {
        return KeywordBench.Corpus(OptionPairs.Parse(args));
    }
    if (args is ["keywords", ..])
    {
        return KeywordBench.Match(OptionPairs.Parse(args));
    }
    var options = BenchArgs.Parse(args);
    return options.Command switch
    {
        "generator" => GeneratorBench.Run(options),
        "store" => await StoreBench.RunAsync(options),
        "export" => CsvExport.Run(options),
        "breakdown" => await BreakdownBench.RunAsync(options),
        "sqlite-insert-prepared" => await SqliteInsertExperiment.RunAsync(options, "prepared"),
        "sqlite-insert-multirow" => await SqliteInsertExperiment.RunAsync(options, "multirow"),
        "sqlite-insert-raw" => await SqliteInsertExperiment.RunAsync(options, "raw"),
        "postgres-copy-importer" => await PostgresCopyExperiment.RunAsync(options, "importer"),
        "postgres-copy-raw" => await PostgresCopyExperiment.RunAsync(options, "raw"),
        _ => throw new ArgumentException($"unknown subcommand '{options.Command}'"),
    };
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"bench: {e.Message}");
    await Console.Error.WriteLineAsync("usage: DomainFlow.Bench generator|store|export|breakdown --names N [--provider sqlite|postgres] [--connection CS] [--data-dir DIR] [--workers W] [--batch-size B] [--shard-size S] [--export-file PATH]");
    return 2;
}
