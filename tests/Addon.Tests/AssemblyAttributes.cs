// Fixtures run two at a time: most of their time is spent waiting on in-process hosts, simulated sites and child
// processes of their own (each on its own free port, database and folder), so two share the machine's 2 cores well.
// A fixture whose tests share one process-wide thing says [NonParallelizable].
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
