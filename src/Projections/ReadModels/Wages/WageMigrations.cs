using SecondChance.Integrity.Schema;

namespace SecondChance.Projections.ReadModels.Wages;

internal static class WageMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "wage accounting", """
            create table {schema}.inmates (inmate_id uuid primary key, facility_id uuid not null);
            create table {schema}.items (item_id uuid primary key, facility_id uuid not null);
            create table {schema}.postings (
                posting_id uuid primary key, inmate_id uuid not null, position bigint not null, facility_id uuid not null,
                source text not null, reference uuid, description text not null, occurred_at timestamptz not null,
                spendable bigint not null, savings bigint not null, family bigint not null, currency text not null,
                contra_account text not null);
            create index postings_statement on {schema}.postings (inmate_id, position);
            create table {schema}.sales (
                sale_id uuid primary key, item_id uuid not null, facility_id uuid not null, position bigint not null,
                distributed_at timestamptz not null, price bigint not null, currency text not null, inmate_share bigint not null,
                welfare_fund bigint not null, materials_recovery bigint not null, policy_effective_from date not null,
                makers jsonb not null);
            create index sales_by_facility on {schema}.sales (facility_id, distributed_at);
            create table {schema}.ledger (facility_id uuid not null, account text not null, debit bigint not null, credit bigint not null,
                primary key (facility_id, account));
            create table {schema}.totals (facility_id uuid not null, month date not null, source text not null, postings bigint not null,
                amount bigint not null, spendable bigint not null, savings bigint not null, family bigint not null,
                primary key (facility_id, month, source));
            """),
        new(2, "facility time zones, for months at the facility's local date", FacilityCalendar.Table),
        new(3, "when each posting was recorded, for statements as known at an instant", """
            alter table {schema}.postings add column recorded_at timestamptz;
            create index postings_effective on {schema}.postings (inmate_id, occurred_at, position);
            """),
    ];
}
