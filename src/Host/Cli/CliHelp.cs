using SecondChance.Host.Demo;
using SecondChance.Projections.ReadModels;

namespace SecondChance.Host.Cli;

/// <summary>
/// <c>--help</c> for the Host and for each verb, answered before anything starts, and the refusal of a word that is no
/// verb (which would otherwise start the web server).
/// </summary>
public static class CliHelp
{
    private static readonly (string Verb, string Text)[] Verbs =
    [
        ("migrate", """
            migrate
              Applies the database schema and exits. No options. A database the old event store wrote (schema sc,
              table sc.events) is moved into Marten's event store first, as move-to-marten does.
            """),
        ("add-tenant", """
            add-tenant ID --connection CONNECTION-STRING [--name NAME]
              Adds a province: a Marten tenant with a database of its own. Makes the database when its server has none
              of that name, builds its schema and read models, and records it in the home database's registry; running
              nodes start its projections within seconds, without a restart. Running it again for the same ID renames
              the province; it moves it to another connection string only while it is disabled (disable-tenant).
              ID                   2 to 31 lower-case letters, digits or '-', starting with a letter (e.g. sindh)
              --connection TEXT    the province's PostgreSQL connection string
              --name NAME          the province's name for people (default: ID)
              Exit status: 0 added, 2 bad options or an unreachable database, 3 a served province pointed elsewhere.
            """),
        ("disable-tenant", """
            disable-tenant ID --reason TEXT
              Stops serving a province: its database refuses every write at once, whichever node tries, and every node
              answers its users 503 within seconds. Its records are kept; enable-tenant serves them again.
              Exit status: 0 disabled (or already), 2 bad options or no such province.
            """),
        ("enable-tenant", """
            enable-tenant ID
              Serves a disabled province again from the database the registry names (moved there with add-tenant while
              it was disabled, perhaps): brings its schema and read models up to date, lifts the guard on its writes.
              Nodes that opened the province's old database answer 503 for it until restarted.
              Exit status: 0 enabled (or already), 2 bad options or no such province, 3 this process holds the old database.
            """),
        ("remove-tenant", """
            remove-tenant ID
              Forgets a disabled province that no user belongs to or reads: its registry row goes and nodes stop knowing
              it within seconds; its database is left as it is, still refusing writes.
              Exit status: 0 removed, 2 bad options or no such province, 3 served, or users belong to it or read it.
            """),
        ("move-to-marten", """
            move-to-marten
              Moves the history the old event store wrote (sc.events) into Marten's event store (sc_events) and exits,
              keeping stream ids, versions, event ids, positions, times, metadata and hash links, so a checkpoint taken
              before the move still proves. Stop every node first. Running it again moves nothing. No options.
            """),
        ("seed-demo", $"""
            seed-demo [--inmates N] [--provinces]
              Seeds demo facilities, programmes, inmates and their history, unless the demo is already there.
              --inmates N          how many inmates (default {DemoSeeder.DefaultInmates})
              --provinces          seed two provinces instead of the home database: adds the tenants sindh and kp
                                   (databases named after the home one with _sindh and _kp, on its server), seeds
                                   Central Jail Karachi in sindh and Central Jail Peshawar in kp, and registers
                                   sindh.admin, kp.admin and federal.ombudsman (reads both) with the demo password
                                   ({DemoAdministrator.PasswordSetting}, or else one printed once). Each province is
                                   seeded once. On start: {DemoProvinces.Setting}=true.
            """),
        ("create-admin", """
            create-admin --username NAME [--display-name TEXT] [--password-file FILE]
              Registers an administrator. The password is the first line of FILE, or else of standard input;
              there is no default password.
              --username NAME      the sign-in name (required)
              --display-name TEXT  the name shown on the pages (default: NAME)
              --password-file FILE read the password from FILE instead of standard input
            """),
        ("rebuild", $"""
            rebuild [PROJECTION] [--tenant ID]
              Rebuilds one projection, or all of them, from the start of the log into shadow tables and swaps them in,
              with a progress bar on standard error. It starts no web server, so it runs beside a serving Host.
              PROJECTION           one of: {string.Join(", ", SecondChanceProjections.Create().Select(p => p.Name))}
              --tenant ID          a province's records (add-tenant), instead of the home database's
            """),
        ("verify", """
            verify [--partitions N] [--tenant ID]
              Recomputes every stream's hash chain from its events and names each broken link: a changed, missing or
              reordered event, an event of no registered stream, a registered stream with no events. The report is
              JSON on standard output, progress goes to standard error.
              --partitions N       how many connections read the log in parallel (default: the cores, at least 2)
              --tenant ID          a province's records (add-tenant), instead of the home database's
              Exit status: 0 every chain intact, 1 a link is broken, 2 bad options, 3 it could not finish.
            """),
        ("checkpoint", """
            checkpoint [--out FILE] [--tenant ID]
              Takes an auditor's checkpoint: the place in the global log, every stream's head (version and hash) up to
              there, and the root hash over those heads. Keep it outside the database; 'prove' checks it later.
              --out FILE           write it to FILE and say where and its root hash (default: JSON on standard output)
              --tenant ID          a province's records (add-tenant), instead of the home database's
            """),
        ("prove", """
            prove FILE [--tenant ID]
              Recomputes every stream's chain from its events' content up to the checkpoint in FILE (written by
              'checkpoint') and compares each head with the checkpoint's and the root hash with its own. Any event
              changed, deleted, inserted or reordered up to that place makes it fail, naming the stream and version.
              The report is JSON on standard output, progress and a one-line verdict go to standard error.
              --tenant ID          a province's records (add-tenant), instead of the home database's
              Exit status: 0 the checkpoint holds, 1 it does not, 2 FILE is missing or not a checkpoint,
              3 it could not finish (the database is unreachable, say).
            """),
        ("export", """
            export statement INMATE_ID | replay FACILITY_ID | reconciliation FACILITY_ID | compliance FACILITY_ID [--tenant ID]
                   [--from X] [--to Y] [--as-of DATE] [--known-at INSTANT] [--format csv|json] [--out FILE]
              Writes an inmate's wage statement, a facility's wage replay, its reconciliation or its compliance report.
              --from X, --to Y     replay, reconciliation: ISO 8601 instants (default: all of time);
                                   compliance: dates yyyy-MM-dd (default: the month up to today)
              --as-of DATE         statement, compliance: the effective date: what took effect by the end of DATE
                                   at the facility, with everything recorded so far (default: every date)
              --known-at INSTANT   statement, compliance: only what was recorded by INSTANT (default: now)
              --format csv|json    default csv
              --out FILE           write to FILE (default: standard output)
              --tenant ID          a province's records (add-tenant), instead of the home database's
            """),
    ];

    private const string Overview = """
        SecondChance: run without a verb to serve the pages and the HTTP API.

        usage: SecondChance.Host [--urls URL]          serve (default http://127.0.0.1:5080)
               SecondChance.Host VERB [OPTIONS]         run a verb and exit (scripts/run.sh VERB ... from the source)
               SecondChance.Host VERB --help            that verb's options

        verbs:
          migrate        apply the database schema
          move-to-marten move the old event store's history into Marten
          seed-demo      seed demo data
          create-admin   register an administrator
          rebuild        rebuild read models
          verify         recompute every hash chain
          checkpoint     take an auditor's checkpoint
          prove          prove a checkpoint against the events
          export         statement, replay, reconciliation or compliance as CSV or JSON

        the Critter Stack's verbs (Marten, Wolverine, JasperFx; VERB --help prints their own help):
          describe       what the application is configured with: Marten's store, Wolverine's handlers and policies
          codegen        write | test | preview Wolverine's generated handler code (src/Host/Internal/Generated)
          db-apply       apply Marten's and Wolverine's schema objects (migrate also applies ours)
          db-assert      fail when the database differs from Marten's and Wolverine's configuration
          db-patch       write the SQL that would bring the database up to date
          db-dump        write the SQL of Marten's and Wolverine's schema objects
          projections    list, run or rebuild Marten's projections (--list, --rebuild [-p NAME])
          resources      check, set up or clear Wolverine's and Marten's stateful resources
          check-env      run the environment checks
          storage        Wolverine's message storage: counts, clear, release

        The database: ConnectionStrings__SecondChance when set; otherwise a private PostgreSQL cluster in
        SECONDCHANCE_PG_ROOT/pg-dev (default /var/lib/secondchance as root, else ~/.local/share/secondchance),
        reused if it is running, else started and stopped again when this process ends.
        """;

    /// <summary>Verbs that JasperFx's command line runs, with the help and options of their own.</summary>
    public static readonly string[] CritterStackVerbs =
        ["describe", "codegen", "db-apply", "db-assert", "db-patch", "db-dump", "projections", "resources", "check-env", "storage"];

    public static bool IsCritterStackVerb(string[] args) => args is [var first, ..] && CritterStackVerbs.Contains(first);

    /// <summary>
    /// Replaces every configuration source by one copy of the effective values with the secrets blanked (each source
    /// would otherwise still show its own): connection strings lose their password (they stay well-formed, since
    /// describing the store parses them), other secrets are replaced by a mark that they were set.
    /// </summary>
    public static void BlankSecrets(ConfigurationManager configuration)
    {
        var values = configuration.AsEnumerable().Where(c => c.Value is not null).Select(c => KeyValuePair.Create(c.Key, Blanked(c.Key, c.Value!))).ToList();
        configuration.Sources.Clear();
        configuration.AddInMemoryCollection(values);
    }

    private static string? Blanked(string key, string value) =>
        key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase)
            ? new Npgsql.NpgsqlConnectionStringBuilder(value) { Password = null }.ConnectionString
            : new[] { "password", "secret", "token", "signingkey" }.Any(w => key.Contains(w, StringComparison.OrdinalIgnoreCase))
                ? "(set; not shown)"
                : value;

    public static bool IsVerb(string word) => Verbs.Any(v => v.Verb == word) || CritterStackVerbs.Contains(word);

    public static bool Handles(string[] args) =>
        !IsCritterStackVerb(args) && (args.Any(a => a is "--help" or "-h" or "-?") || args is ["help", ..]);

    public static int Print(string[] args, TextWriter output)
    {
        var verb = args.FirstOrDefault(IsVerb);
        output.WriteLine(verb is null ? Overview : Verbs.First(v => v.Verb == verb).Text);
        return 0;
    }

    /// <summary>The complaint about a first word that is neither a verb, an option nor a key=value setting; null if none.</summary>
    public static string? UnknownVerb(string[] args) =>
        args is [var first, ..] && !first.StartsWith('-') && !first.Contains('=') && !IsVerb(first)
            ? $"'{first}' is not a verb. Verbs: {string.Join(", ", Verbs.Select(v => v.Verb).Concat(CritterStackVerbs))}; see --help."
            : null;
}
