using System.Text.Json;
using FluentAssertions;
using SecondChance.Integrity.Hosting;
using Xunit;

namespace SecondChance.EndToEnd.Tests;

/// <summary>The Host's verbs as a user runs them: real processes, their exit status, standard output and standard error.</summary>
public sealed class CliVerbTests(CliFixture fx) : IClassFixture<CliFixture>
{
    private static string TempFile(string name) => Path.Combine(Path.GetTempPath(), $"sc-cli-{Guid.NewGuid():N}-{name}");

    private static void ShouldBeOneLineOfErrorOnly(HostProcess.VerbRun run, string saying)
    {
        run.Output.Should().BeEmpty();
        run.Errors.TrimEnd().Split('\n').Should().ContainSingle(run.Errors).Which.Should().Contain(saying);
    }

    [Fact]
    public async Task Describe_lists_wolverines_retry_policy_and_martens_event_types_without_printing_the_database_password()
    {
        var run = await fx.RunAsync("describe");

        run.ExitCode.Should().Be(0, run.Errors);
        // the conflict policy of CommandHandling (its longest cooldown) and one of the aliases mapped in Marten
        run.Output.Should().Contain("Retry inline with a delay of 00:00:00.2500000").And.Contain("inmate_admitted.v1");
        var password = new Npgsql.NpgsqlConnectionStringBuilder(fx.ConnectionString).Password!;
        (run.Output + run.Errors).Should().NotContain(password);
    }

    [Fact]
    public async Task Help_lists_the_critter_stack_verbs_beside_ours()
    {
        var run = await fx.RunAsync("--help");

        run.ExitCode.Should().Be(0);
        foreach (var verb in new[] { "verify", "checkpoint", "prove", "export", "seed-demo", "create-admin", "describe", "codegen", "db-apply", "projections" })
            run.Output.Should().Contain($"  {verb} ");
    }

    [Fact]
    public async Task Prove_of_a_missing_file_exits_2_with_one_line_saying_so()
    {
        var run = await fx.RunAsync("prove", "/no/such/checkpoint.json");

        run.ExitCode.Should().Be(2, run.Errors);
        ShouldBeOneLineOfErrorOnly(run, "There is no file /no/such/checkpoint.json");
    }

    [Theory]
    [InlineData("""{"rootHash":"00"}""", "rootHash is \"00\", not 64 hexadecimal digits")]
    [InlineData("{}", "it has no rootHash")]
    [InlineData("""{"rootHash":"fc96a2f9bd20a9106c2c08ca04fd7f59d9815bcc1d88fe58f6c4a9f5da0cb3bd"}""", "it has no transactionId")]
    [InlineData("""{"rootHash":"fc96a2f9bd20a9106c2c08ca04fd7f59d9815bcc1d88fe58f6c4a9f5da0cb3bd","transactionId":1,"position":-4,"streams":0,"events":0}""",
        "position is -4, not a whole number")]
    [InlineData("[1, 2]", "it is not a JSON object")]
    [InlineData("a checkpoint, honest", "it is not valid JSON")]
    [InlineData("", "it is empty")]
    public async Task Prove_of_a_malformed_checkpoint_exits_2_with_one_line_saying_what_is_wrong(string content, string saying)
    {
        var file = TempFile("bad.json");
        await File.WriteAllTextAsync(file, content);
        try
        {
            var run = await fx.RunAsync("prove", file);

            run.ExitCode.Should().Be(2, run.Errors);
            ShouldBeOneLineOfErrorOnly(run, $"{file} is not a checkpoint: {saying}");
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task Checkpoint_says_where_it_wrote_and_prove_exits_1_naming_the_event_edited_afterwards()
    {
        var file = TempFile("cp.json");
        try
        {
            var (written, checkpoint) = await CheckpointOfEveryEventAsync(file);
            written.Output.Trim().Should().StartWith($"Wrote the checkpoint to {file}: root hash {checkpoint.GetProperty("rootHash").GetString()} over ");
            var holds = await fx.RunAsync("prove", file);
            holds.ExitCode.Should().Be(0, holds.Errors);
            JsonDocument.Parse(holds.Output).RootElement.GetProperty("holds").GetBoolean().Should().BeTrue();

            var (stream, version) = await FirstEventAsync();
            await fx.ExecuteAsync($"update sc_events.mt_events set data = data || '{{\"forged\": true}}' where stream_id = '{stream}' and version = {version}");
            var broken = await fx.RunAsync("prove", file);
            await fx.ExecuteAsync($"update sc_events.mt_events set data = data - 'forged' where stream_id = '{stream}' and version = {version}");

            broken.ExitCode.Should().Be(1, broken.Errors);
            var report = JsonDocument.Parse(broken.Output).RootElement;
            report.GetProperty("holds").GetBoolean().Should().BeFalse();
            report.GetProperty("firstBroken").GetProperty("streamId").GetString().Should().Be(stream);
            report.GetProperty("firstBroken").GetProperty("version").GetInt64().Should().Be(version);
            broken.Errors.Should().Contain($"The checkpoint does not hold: stream {stream} version {version}: hash does not match");
        }
        finally { File.Delete(file); }
    }

    private async Task<(HostProcess.VerbRun Run, JsonElement Checkpoint)> CheckpointOfEveryEventAsync(string file)
    {
        var events = await fx.ScalarAsync("select count(*) from sc_events.mt_events");
        for (var attempt = 0; ; attempt++)
        {
            var run = await fx.RunAsync("checkpoint", "--out", file);
            run.ExitCode.Should().Be(0, run.Errors);
            var checkpoint = JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement;
            // another test's open transaction may hold the visibility horizon back for a moment
            if (checkpoint.GetProperty("events").GetInt64() == events || attempt == 30) return (run, checkpoint);
            await Task.Delay(500);
        }
    }

    private async Task<(string Stream, long Version)> FirstEventAsync()
    {
        var seq = await fx.ScalarAsync("select min(seq_id) from sc_events.mt_events");
        return (await fx.TextAsync($"select stream_id from sc_events.mt_events where seq_id = {seq}"),
            await fx.ScalarAsync($"select version from sc_events.mt_events where seq_id = {seq}"));
    }

    [Fact]
    public async Task Checkpoint_without_out_writes_only_its_JSON_to_standard_output_and_the_root_hash_to_standard_error()
    {
        var run = await fx.RunAsync("checkpoint");

        run.ExitCode.Should().Be(0, run.Errors);
        var checkpoint = JsonDocument.Parse(run.Output).RootElement;
        checkpoint.GetProperty("heads").GetArrayLength().Should().Be((int)checkpoint.GetProperty("streams").GetInt64());
        run.Errors.Should().Contain($"root hash {checkpoint.GetProperty("rootHash").GetString()}");
    }

    [Fact]
    public async Task Rebuild_draws_its_progress_on_standard_error_leaving_only_the_result_on_standard_output()
    {
        var run = await fx.RunAsync("rebuild", "timeline");

        run.ExitCode.Should().Be(0, run.Errors);
        run.Output.Trim().Should().Be("Rebuilt timeline.");
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("seed-demo", "--inmates")]
    [InlineData("create-admin", "--username", "--display-name", "--password-file")]
    [InlineData("rebuild", "timeline", "dashboard", "wages", "compliance", "catalogue", "oversight")]
    [InlineData("verify", "--partitions", "--tenant")]
    [InlineData("add-tenant", "--connection", "--name")]
    [InlineData("disable-tenant", "--reason", "Exit status")]
    [InlineData("enable-tenant", "Exit status")]
    [InlineData("remove-tenant", "Exit status")]
    [InlineData("checkpoint", "--out")]
    [InlineData("prove", "prove FILE", "Exit status")]
    [InlineData("export", "statement", "replay", "reconciliation", "compliance", "--from", "--to", "--as-of", "--format", "--out")]
    public async Task Each_verbs_help_lists_its_options_and_touches_no_database(string verb, params string[] options)
    {
        var run = await HostProcess.RunAsync(new Dictionary<string, string?> { ["ConnectionStrings__SecondChance"] = "Host=192.0.2.1;Port=1;Timeout=1" },
            verb, "--help");

        run.ExitCode.Should().Be(0, run.Errors);
        run.Output.Should().StartWith(verb);
        foreach (var option in options) run.Output.Should().Contain(option);
    }

    [Fact]
    public async Task Add_tenant_makes_a_provinces_database_with_its_schema_and_the_auditors_verbs_work_on_it_by_tenant()
    {
        var province = new Npgsql.NpgsqlConnectionStringBuilder(fx.ConnectionString) { Database = $"sc_cli_{Guid.NewGuid():N}"[..24] + "_pb" }.ConnectionString;
        var provinces = new Dictionary<string, string?>(fx.Environment) { ["Tenancy__Provinces"] = "true" };
        try
        {
            var refused = await fx.RunAsync("add-tenant", "punjab", "--connection", province);
            refused.ExitCode.Should().Be(2, refused.Errors);
            refused.Errors.Should().Contain("Tenancy:Provinces=true");

            var added = await HostProcess.RunAsync(provinces, "add-tenant", "punjab", "--name", "Punjab", "--connection", province);
            added.ExitCode.Should().Be(0, added.Errors);
            added.Output.Should().Contain("Province 'punjab' (Punjab)").And.Contain("created now");
            (await fx.ScalarAsync("select count(*) from sc_tenancy.tenants where tenant_id = 'punjab'")).Should().Be(1);

            var verified = await HostProcess.RunAsync(provinces, "verify", "--tenant", "punjab");
            verified.ExitCode.Should().Be(0, verified.Errors);
            JsonDocument.Parse(verified.Output).RootElement.GetProperty("eventsChecked").GetInt64().Should().Be(0, "the province has no events yet");
            var home = await HostProcess.RunAsync(provinces, "verify");
            JsonDocument.Parse(home.Output).RootElement.GetProperty("eventsChecked").GetInt64().Should().BeGreaterThan(0, "the demo is in the home database");

            var unknown = await HostProcess.RunAsync(provinces, "verify", "--tenant", "sindh");
            unknown.ExitCode.Should().Be(2);
            unknown.Errors.Should().Contain("--tenant names no province");

            (await HostProcess.RunAsync(provinces, "disable-tenant", "punjab")).ExitCode.Should().Be(2, "a reason is required");
            var disabled = await HostProcess.RunAsync(provinces, "disable-tenant", "punjab", "--reason", "Moving to the new server");
            disabled.ExitCode.Should().Be(0, disabled.Errors);
            disabled.Output.Should().Contain("Province 'punjab' is disabled").And.Contain("Moving to the new server");
            (await fx.ScalarAsync("select count(*) from sc_tenancy.tenants where tenant_id = 'punjab' and disabled_at is not null")).Should().Be(1);
            var enabled = await HostProcess.RunAsync(provinces, "enable-tenant", "punjab");
            enabled.ExitCode.Should().Be(0, enabled.Errors);
            enabled.Output.Should().Contain("Province 'punjab' is served");
            (await fx.ScalarAsync("select count(*) from sc_tenancy.tenants where tenant_id = 'punjab' and disabled_at is null")).Should().Be(1);
            var served = await HostProcess.RunAsync(provinces, "remove-tenant", "punjab");
            served.ExitCode.Should().Be(3, "a served province is not removed");
            (await HostProcess.RunAsync(provinces, "disable-tenant", "punjab", "--reason", "Pilot ended")).ExitCode.Should().Be(0);
            var removed = await HostProcess.RunAsync(provinces, "remove-tenant", "punjab");
            removed.ExitCode.Should().Be(0, removed.Errors);
            removed.Output.Should().Contain("Province 'punjab' is removed");
            (await fx.ScalarAsync("select count(*) from sc_tenancy.tenants where tenant_id = 'punjab'")).Should().Be(0);
            var nowhere = await HostProcess.RunAsync(provinces, "enable-tenant", "nowhere");
            nowhere.ExitCode.Should().Be(2);
            nowhere.Errors.Should().Contain("No province has tenant id 'nowhere'");
        }
        finally
        {
            if (await fx.ScalarAsync("select (to_regclass('sc_tenancy.tenants') is not null)::int") == 1)
                await fx.ExecuteAsync("delete from sc_tenancy.tenants where tenant_id = 'punjab'");
            await SecondChance.Testing.PostgresServer.DropDatabaseAsync(province);
        }
    }

    [Fact]
    public async Task Help_lists_every_verb_and_a_word_that_is_no_verb_is_refused_instead_of_starting_the_server()
    {
        var help = await HostProcess.RunAsync(new Dictionary<string, string?>(), "--help");
        var typo = await HostProcess.RunAsync(new Dictionary<string, string?>(), "chekpoint");

        help.ExitCode.Should().Be(0);
        help.Output.Should().ContainAll("migrate", "seed-demo", "create-admin", "rebuild", "verify", "checkpoint", "prove", "export");
        typo.ExitCode.Should().Be(2);
        typo.Errors.Should().Contain("'chekpoint' is not a verb");
    }

    [Fact]
    public async Task The_local_cluster_is_reported_as_started_or_as_already_running_never_as_starting_when_reused()
    {
        var parent = Path.Combine(Path.GetTempPath(), $"sc-cli-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(parent);
        var local = new Dictionary<string, string?> { ["ConnectionStrings__SecondChance"] = null, ["SECONDCHANCE_PG_ROOT"] = parent };
        var cluster = Path.Combine(parent, "pg-dev");
        try
        {
            var first = await HostProcess.RunAsync(local, "migrate");
            HostProcess.VerbRun reused;
            await using (await LocalPostgres.StartAsync(cluster))
                reused = await HostProcess.RunAsync(local, "migrate");

            first.ExitCode.Should().Be(0, first.Errors);
            first.Errors.Should().Contain($"started the local PostgreSQL cluster in {cluster}");
            reused.ExitCode.Should().Be(0, reused.Errors);
            reused.Errors.Should().Contain($"using the local PostgreSQL cluster already running in {cluster}")
                .And.NotContainAny("starting", "started");
            first.Output.Should().BeEmpty("what a verb logs goes to standard error");
            reused.Output.Should().BeEmpty("what a verb logs goes to standard error");
        }
        finally { Directory.Delete(parent, recursive: true); }
    }
}
