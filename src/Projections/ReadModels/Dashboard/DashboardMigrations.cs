using SecondChance.Integrity.Schema;

namespace SecondChance.Projections.ReadModels.Dashboard;

internal static class DashboardMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "reintegration dashboard", """
            create table {schema}.inmates (
                inmate_id uuid primary key, facility_id uuid not null, female boolean not null, status text not null,
                prisoner_number text not null, expected_release date, released_at timestamptz, certified int not null,
                mentor_id uuid, savings bigint not null, follow_ups int not null);
            create index inmates_due on {schema}.inmates (expected_release) where status = 'admitted';
            create index inmates_due_by_facility on {schema}.inmates (facility_id, expected_release) where status = 'admitted';
            create table {schema}.programmes (programme_id uuid primary key, facility_id uuid not null, craft text not null);
            create table {schema}.items (item_id uuid primary key, facility_id uuid not null, programme_id uuid not null,
                craft text not null, female boolean not null);
            create table {schema}.contacts (inmate_id uuid not null, contact_at timestamptz not null);
            create index contacts_by_inmate on {schema}.contacts (inmate_id, contact_at);
            create table {schema}.status_counts (facility_id uuid not null, female boolean not null, status text not null,
                n bigint not null, primary key (facility_id, female, status));
            create table {schema}.monthly (facility_id uuid not null, month date not null, female boolean not null,
                programme_id uuid not null, craft text not null, metric text not null, n bigint not null, amount bigint not null,
                primary key (facility_id, month, metric, female, programme_id, craft));
            """),
        new(2, "facility time zones, for months at the facility's local date", FacilityCalendar.Table),
        new(3, "what each release stands on: the plan's goals with their latest review, the payout and follow-up planned", """
            create table {schema}.readiness (inmate_id uuid primary key, goals jsonb not null default '[]',
                payout_planned boolean not null default false, follow_up_planned boolean not null default false);
            """),
        new(4, "ventures by stage, with milestones reached, grant and money back", """
            create table {schema}.ventures (
                venture_id uuid primary key, facility_id uuid not null, kind text not null, stage text not null,
                registered boolean not null, first_sale boolean not null, first_month_profitable boolean not null,
                granted bigint not null, returned bigint not null);
            """),
    ];
}
