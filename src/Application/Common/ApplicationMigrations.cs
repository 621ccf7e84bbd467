using SecondChance.Integrity.Schema;

namespace SecondChance.Application;

/// <summary>Tables the use cases own: idempotency keys and the read-your-writes directories. Never edit a released step.</summary>
public static class ApplicationMigrations
{
    public const string Module = "application";

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "idempotency keys", """
            create table {schema}.idempotency_keys (
                key          text        primary key,
                request_hash text        not null,
                status_code  int         not null,
                body         text        not null,
                location     text,
                etag         text,
                created_at   timestamptz not null default now()
            );
            """),
        new(2, "directories for list endpoints", """
            create table {schema}.inmate_directory (
                inmate_id             uuid        primary key,
                facility_id           uuid        not null,
                prisoner_number       text        not null,
                full_name             text        not null,
                sex                   text        not null,
                date_of_birth         date        not null,
                legal_status          text        not null,
                status                text        not null,
                ward_id               uuid,
                mentor_id             uuid,
                admitted_at           timestamptz not null,
                expected_release_date date,
                released_at           timestamptz,
                version               bigint      not null
            );
            create index inmate_directory_by_facility on {schema}.inmate_directory (facility_id, status, full_name);

            create table {schema}.inmate_enrolments (
                inmate_id    uuid        not null,
                programme_id uuid        not null,
                status       text        not null,
                enrolled_at  timestamptz not null,
                primary key (inmate_id, programme_id)
            );
            create index inmate_enrolments_by_programme on {schema}.inmate_enrolments (programme_id, status);

            create table {schema}.programme_directory (
                programme_id    uuid   primary key,
                facility_id     uuid   not null,
                name            text   not null,
                craft           text   not null,
                skills          text[] not null,
                capacity        int    not null,
                enrolled        int    not null,
                status          text   not null,
                instructor_name text   not null,
                opened_on       date   not null,
                version         bigint not null
            );
            create index programme_directory_by_facility on {schema}.programme_directory (facility_id, status, name);

            create table {schema}.item_directory (
                item_id      uuid        primary key,
                facility_id  uuid        not null,
                programme_id uuid        not null,
                description  text        not null,
                craft        text        not null,
                status       text        not null,
                price_minor  bigint,
                currency     text        not null,
                sale_id      uuid,
                produced_at  timestamptz not null,
                version      bigint      not null
            );
            create index item_directory_by_facility on {schema}.item_directory (facility_id, status, produced_at);
            create index item_directory_by_programme on {schema}.item_directory (programme_id, status);

            create table {schema}.mentor_directory (
                mentor_id    uuid   primary key,
                full_name    text   not null,
                organisation text   not null,
                status       text   not null,
                version      bigint not null
            );
            create index mentor_directory_by_status on {schema}.mentor_directory (status, full_name);
            """),
        new(3, "release readiness reminders", """
            create table {schema}.release_reminders (
                inmate_id             uuid        not null,
                expected_release_date date        not null,
                days_before           int         not null,
                facility_id           uuid        not null,
                prisoner_number       text        not null,
                missing               text[]      not null,
                reminded_at           timestamptz not null,
                primary key (inmate_id, expected_release_date, days_before)
            );
            create index release_reminders_by_facility on {schema}.release_reminders (facility_id, expected_release_date);
            """),
        new(4, "partners and their orders", """
            create table {schema}.partner_directory (
                partner_id    uuid        primary key,
                name          text        not null,
                kind          text        not null,
                roles         text[]      not null,
                registered_at timestamptz not null,
                version       bigint      not null
            );
            create table {schema}.partner_memoranda (
                memorandum_id   uuid primary key,
                partner_id      uuid not null,
                facility_id     uuid not null,
                scope           text not null,
                starts_on       date not null,
                ends_on         date not null,
                contact_name    text not null,
                contact_details text not null
            );
            create index partner_memoranda_by_partner on {schema}.partner_memoranda (partner_id, starts_on);
            create table {schema}.order_directory (
                order_id             uuid        primary key,
                partner_id           uuid        not null,
                facility_id          uuid        not null,
                programme_id         uuid        not null,
                description          text        not null,
                craft                text        not null,
                quantity             int         not null,
                price_per_item_minor bigint      not null,
                currency             text        not null,
                deliver_by           date        not null,
                reference            text        not null,
                status               text        not null,
                allocated            int         not null default 0,
                delivered            int         not null default 0,
                paid                 int         not null default 0,
                paid_minor           bigint      not null default 0,
                placed_at            timestamptz not null,
                version              bigint      not null
            );
            create index order_directory_by_facility on {schema}.order_directory (facility_id, status, deliver_by);
            """),
    ];
}
