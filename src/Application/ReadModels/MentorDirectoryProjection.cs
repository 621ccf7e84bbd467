using SecondChance.Domain.Mentors;
using SecondChance.Integrity.Events;

namespace SecondChance.Application.ReadModels;

public sealed class MentorDirectoryProjection(EventStoreOptions options) : IInlineProjection
{
    private readonly string _table = $"{options.Schema}.mentor_directory";

    public void Apply(IReadOnlyList<StoredEvent> events, SqlBatch b)
    {
        foreach (var stored in events)
        {
            switch (stored.Data)
            {
                case MentorRegistered e:
                    b.Add($"insert into {_table} (mentor_id, full_name, organisation, status, version) values ($1, $2, $3, 'Registered', $4)",
                        e.MentorId, e.FullName, e.Organisation, stored.Version);
                    break;
                case MentorVetted e:
                    b.Add($"update {_table} set status = 'Vetted', version = $2 where mentor_id = $1", e.MentorId, stored.Version);
                    break;
                case MentorDeactivated e:
                    b.Add($"update {_table} set status = 'Deactivated', version = $2 where mentor_id = $1", e.MentorId, stored.Version);
                    break;
            }
        }
    }
}
