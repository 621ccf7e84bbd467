using SecondChance.Integrity.Schema;

namespace SecondChance.Application.Access;

/// <summary>Sign-in lookup, lock-out counters and the log of who read whose personal record. Never edit a released step.</summary>
public static class AccessMigrations
{
    public const string Module = "access";

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "users, sign-in failures, access log", """
            create table {schema}.user_directory (
                user_id        uuid    primary key,
                username       text    not null unique,
                display_name   text    not null,
                password_hash  text    not null,
                active         boolean not null,
                roles          text[]  not null default '{}',
                facilities     uuid[]  not null default '{}',
                programmes     uuid[]  not null default '{}',
                personal_data  boolean not null default false,
                version        bigint  not null
            );

            create table {schema}.sign_in_failures (
                username       text        primary key,
                failures       int         not null,
                window_start   timestamptz not null,
                locked_until   timestamptz
            );

            create table {schema}.access_log (
                id          bigint      generated always as identity primary key,
                at          timestamptz not null,
                user_id     uuid,
                username    text        not null,
                subject_id  uuid        not null,
                resource    text        not null
            );
            create index access_log_by_subject on {schema}.access_log (subject_id, at);
            create index access_log_by_user on {schema}.access_log (user_id, at);
            """),
        new(2, "users' province and federal read grants", """
            alter table {schema}.user_directory add column tenant text, add column read_tenants text[] not null default '{}';
            """),
    ];
}
