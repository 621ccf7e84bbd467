using System.Text.Json;
using System.Text.Json.Serialization;
using SecondChance.Application.Audit;
using SecondChance.Application.Oversight;
using SecondChance.Host.Endpoints;
using SecondChance.Integrity.HashChain;

namespace SecondChance.Host.Cli;

/// <summary>The CSV shapes of the auditors' and oversight exports, shared by the endpoints and the CLI. Column names are stable.</summary>
public static class Exports
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Converters = { new JsonStringEnumConverter() },
    };

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    /// <summary>A checkpoint proof as the CLI and the API answer it: the first fields as ever, then what broke.</summary>
    public static CheckpointProofView Proof(CheckpointProof p) =>
        new(p.Holds, p.RecomputedRootHash, p.Streams, p.Events, p.FirstBroken, p.BrokenStreams, p.BrokenLinks, p.HeadsCompared, p.Checkpoint);

    public static string Verdict(CheckpointProof p) =>
        p.Holds ? $"The checkpoint holds: {p.Streams:N0} streams and {p.Events:N0} events up to position {p.Checkpoint.Position} are as they were."
        : p.FirstBroken is { } b ? $"The checkpoint does not hold: stream {b.StreamId} version {b.Version}: {b.Problem}" +
                                   (p.BrokenStreams > 1 ? $" ({p.BrokenStreams:N0} streams differ)." : ".")
        : $"The checkpoint does not hold: the recomputed root hash over {p.Streams:N0} streams and {p.Events:N0} events differs from the " +
          $"checkpoint's over {p.Checkpoint.Streams:N0} and {p.Checkpoint.Events:N0}" +
          (p.HeadsCompared ? "." : "; a checkpoint file with its heads would name the stream.");

    /// <summary>One row per posting in effective order; the last columns say on which axes the statement was taken (empty: not limited).</summary>
    public static string Statement(WageStatement s) => Csv.Write(
        ["inmate_id", "position", "posting_id", "source", "reference", "description", "occurred_at", "currency",
         "spendable_minor", "savings_minor", "family_minor", "amount_minor", "amount",
         "spendable_balance_minor", "savings_balance_minor", "family_balance_minor", "balance_minor", "balance",
         "recorded_at", "as_of", "effective_through", "known_at"],
        s.Lines, l => [s.InmateId, l.Position, l.PostingId, l.Source, l.Reference, l.Description, l.OccurredAt, l.Currency,
            l.SpendableMinor, l.SavingsMinor, l.FamilyMinor, l.SpendableMinor + l.SavingsMinor + l.FamilyMinor,
            Csv.Amount(l.SpendableMinor + l.SavingsMinor + l.FamilyMinor, l.Currency),
            l.SpendableBalance, l.SavingsBalance, l.FamilyBalance, l.SpendableBalance + l.SavingsBalance + l.FamilyBalance,
            Csv.Amount(l.SpendableBalance + l.SavingsBalance + l.FamilyBalance, l.Currency),
            l.RecordedAt, s.AsOf, s.EffectiveThrough, s.KnownAt]);

    public static string Replay(FacilityReplay replay) => Csv.Write(
        ["position", "stream_id", "version", "recorded_at", "occurred_at", "actor", "source", "inmate_id", "posting_id", "sale_id", "item_id",
         "reversed_posting_id", "description", "currency", "amount_minor", "amount", "spendable_minor", "savings_minor", "family_minor",
         "inmate_share_minor", "welfare_fund_minor", "materials_recovery_minor", "policy_effective_from"],
        replay.Lines, l => [l.Position, l.StreamId, l.Version, l.RecordedAt, l.OccurredAt, l.Actor, l.Source, l.InmateId, l.PostingId, l.SaleId,
            l.ItemId, l.ReversedPostingId, l.Description, l.Currency, l.AmountMinor, Csv.Amount(l.AmountMinor, l.Currency),
            l.SpendableMinor, l.SavingsMinor, l.FamilyMinor, l.Sale?.InmateShareMinor, l.Sale?.WelfareFundMinor, l.Sale?.MaterialsRecoveryMinor,
            l.Sale?.PolicyEffectiveFrom]);

    /// <summary>One row per check, then one per discrepancy, then one per account balance; "kind" says which.</summary>
    public static string Reconciliation(Reconciliation r) => Csv.Write(
        ["kind", "code", "passed", "failures", "subject", "stream_id", "version", "detail", "currency",
         "credits_minor", "debits_minor", "spendable_minor", "savings_minor", "family_minor", "balance", "read_model_balance"],
        r.Checks.Select(c => new object?[] { "check", c.Code, c.Passed, c.Failures, null, null, null, c.Description, null, null, null, null, null, null, null, null })
            .Concat(r.Discrepancies.Select(d => new object?[] { "discrepancy", d.Check, false, null, d.Subject, d.StreamId, d.Version, d.Detail,
                null, null, null, null, null, null, null, null }))
            .Concat(r.Balances.Select(b => new object?[] { "balance", null, null, null, b.InmateId, null, null, null, b.Currency,
                b.CreditsMinor, b.DebitsMinor, b.SpendableMinor, b.SavingsMinor, b.FamilyMinor,
                Csv.Amount(b.SpendableMinor + b.SavingsMinor + b.FamilyMinor, b.Currency),
                b.ReadModel is { } m ? Csv.Amount(m.SpendableMinor + m.SavingsMinor + m.FamilyMinor, b.Currency) : null })),
        row => row);

    /// <summary>
    /// One row per finding and evidence event; local dates are at the facility, instants in UTC. The last columns say on
    /// which axes the report was taken (empty: not limited) and when its rules were judged.
    /// </summary>
    public static string Compliance(OversightReport report) => Csv.Write(
        ["facility_id", "rule_code", "inmate_id", "period_start", "period_end", "local_start_date", "local_end_date", "is_open", "detail",
         "evidence_stream_id", "evidence_version", "evidence_recorded_at", "evidence_local_date", "evidence_what", "evidence_occurred_at",
         "evidence_local_occurred_date", "as_of", "effective_through", "known_at", "judged_at"],
        report.Findings.SelectMany(f => f.Evidence.Count == 0 ? [(f, (ReportedEvidence?)null)] : f.Evidence.Select(e => (f, (ReportedEvidence?)e))),
        x => [report.FacilityId, x.f.RuleCode, x.f.InmateId, x.f.PeriodStart, x.f.PeriodEnd, x.f.LocalStartDate, x.f.LocalEndDate, x.f.IsOpen,
            x.f.Detail, x.Item2?.StreamId, x.Item2?.Version, x.Item2?.RecordedAt, x.Item2?.LocalRecordedDate, x.Item2?.What, x.Item2?.OccurredAt,
            x.Item2?.LocalOccurredDate, report.AsOf, report.EffectiveThrough, report.KnownAt, report.JudgedAt]);
}
