using SecondChance.EventStore.Schema;

namespace SecondChance.Projections.Engine;

/// <summary>Checkpoints and status of every projection, beside the event store tables.</summary>
public static class ProjectionStateMigrations
{
    public const string Module = "projections";

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "projection checkpoints and status", """
            create table {schema}.projections (
                name              text        primary key,
                version           int         not null,
                checkpoint_tx     xid8        not null default '0',
                checkpoint_seq    bigint      not null default 0,
                state             text        not null default 'running',
                rebuilding        boolean     not null default false,
                rebuild_position  bigint,
                events_applied    bigint      not null default 0,
                last_event_at     timestamptz,
                owner             text,
                failed_position   bigint,
                failed_type       text,
                failed_stream     text,
                failed_error      text,
                failed_at         timestamptz,
                updated_at        timestamptz not null default now()
            );
            """),
    ];
}
