using SecondChance.Application;
using SecondChance.Domain.Compliance;
using SecondChance.Integrity.Schema;

namespace SecondChance.Host.Notifications;

/// <summary>Asks for the rights rules to be judged now over every facility, and a notice sent for each finding not yet noticed.</summary>
public sealed record SweepComplianceFindings;

/// <summary>
/// The durable message that records one oversight notification: who must be told of which finding, by when. Sent
/// through Wolverine's outbox in the transaction that noticed the finding, kept in its durable inbox until recorded.
/// </summary>
public sealed record NotifyOversight(OversightNotice Notice, DateTimeOffset NoticedAt);

/// <summary>One oversight notification as the compliance page and the API show it.</summary>
public sealed record OversightNotificationView(
    Guid NoticeId,
    string RuleCode,
    Guid InmateId,
    Guid FacilityId,
    DateTimeOffset OpenedAt,
    string Recipient,
    DateTimeOffset DueBy,
    string Detail,
    DateTimeOffset NoticedAt,
    DateTimeOffset RecordedAt);

/// <summary>
/// The findings already noticed (written with the outgoing message, so each is noticed once) and the notifications
/// recorded from the messages (the read model). Never edit a released step.
/// </summary>
public static class NotificationMigrations
{
    public static SchemaModule Module { get; } = new("notifications",
    [
        new(1, "oversight notifications", """
            create table {schema}.noticed_findings (
                notice_id    uuid        primary key,
                rule_code    text        not null,
                inmate_id    uuid        not null,
                facility_id  uuid        not null,
                opened_at    timestamptz not null,
                noticed_at   timestamptz not null
            );
            create table {schema}.oversight_notifications (
                notice_id    uuid        primary key,
                rule_code    text        not null,
                inmate_id    uuid        not null,
                facility_id  uuid        not null,
                opened_at    timestamptz not null,
                recipient    text        not null,
                due_by       timestamptz not null,
                detail       text        not null,
                noticed_at   timestamptz not null,
                recorded_at  timestamptz not null default now()
            );
            create index oversight_notifications_by_facility on {schema}.oversight_notifications (facility_id, opened_at desc);
            """),
    ]);
}
