using DomainFlow.Bench.Dns;

// The C# half of scripts/bench-dns. Each subcommand prints one machine-readable line "RESULT <name> key=value ...".
//
//   world  --names N [--existing F] [--seed S] [--types A,AAAA] --out DIR
//          Writes DIR/names.txt (one name a line), DIR/queries.txt (dnsperf input: "name TYPE", one line per name and
//          type) and DIR/world.json, starts Knot (udp-workers 1) on a free 127.0.0.1 port, prints its endpoint and
//          keeps it running until standard input closes (or SIGTERM/SIGINT), then stops it.
//   verify --world DIR --results FILE
//          Compares every NDJSON line of `domainflow resolve` with the world's truth; every name must appear once.
try
{
    var options = DnsBenchArgs.Parse(args);
    return options.Command switch
    {
        "world" => await WorldCommand.RunAsync(options),
        "verify" => VerifyCommand.Run(options),
        _ => throw new ArgumentException($"unknown subcommand '{options.Command}'"),
    };
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"bench-dns: {e.Message}");
    await Console.Error.WriteLineAsync("usage: DomainFlow.Bench.Dns world --names N [--existing F] [--seed S] [--types A,AAAA] --out DIR");
    await Console.Error.WriteLineAsync("       DomainFlow.Bench.Dns verify --world DIR --results FILE");
    return 2;
}
