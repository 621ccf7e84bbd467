using SecondChance.Domain.Partners;
using SecondChance.Integrity.Events;

namespace SecondChance.Application.ReadModels;

public sealed class PartnerDirectoryProjection(EventStoreOptions options) : IInlineProjection
{
    private readonly string _s = options.Schema;

    public void Apply(IReadOnlyList<StoredEvent> events, SqlBatch b)
    {
        foreach (var stored in events)
        {
            switch (stored.Data)
            {
                case PartnerRegistered e:
                    b.Add($"insert into {_s}.partner_directory (partner_id, name, kind, roles, registered_at, version) values ($1, $2, $3, $4, $5, $6)",
                        e.PartnerId, e.Name, e.Kind.ToString(), e.Roles.Select(r => r.ToString()).ToArray(), e.RegisteredAt, stored.Version);
                    break;
                case MemorandumSigned e:
                    b.Add($"""
                        insert into {_s}.partner_memoranda (memorandum_id, partner_id, facility_id, scope, starts_on, ends_on, contact_name, contact_details)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)
                        """, e.MemorandumId, e.PartnerId, e.FacilityId, e.Scope, e.StartsOn, e.EndsOn, e.ContactName, e.ContactDetails);
                    b.Add($"update {_s}.partner_directory set version = $2 where partner_id = $1", e.PartnerId, stored.Version);
                    break;
            }
        }
    }
}
