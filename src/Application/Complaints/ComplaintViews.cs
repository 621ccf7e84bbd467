using SecondChance.Domain;
using SecondChance.Domain.Complaints;
using SecondChance.Integrity.Events;

namespace SecondChance.Application.Complaints;

/// <summary>
/// A complaint as a reader may see it. Oversight sees everything. Anyone else sees complaints lodged through staff in
/// full, a confidential complaint only once disclosed and then only that it exists and where it stands (never its
/// account, category or who lodged it), and an undisclosed one not at all.
/// </summary>
public sealed record ComplaintView(
    Guid ComplaintId,
    Guid InmateId,
    bool Confidential,
    bool Disclosed,
    ComplaintStage Stage,
    DateTimeOffset LodgedAt,
    ComplaintChannel? Channel,
    ComplainantKind? Complainant,
    string? ComplainantName,
    ComplaintCategory? Category,
    bool? AboutStaff,
    string? Account,
    IReadOnlyList<ComplaintStepView> Steps,
    ComplaintOutcome? Outcome,
    string? Remedy);

/// <summary>Who did what and when. For a disclosed confidential complaint, only the step and its time.</summary>
public sealed record ComplaintStepView(string Step, DateTimeOffset At, string? By, string? Detail, DateTimeOffset RecordedAt, string? RecordedBy);

public sealed class ComplaintViews(MartenEventLog store)
{
    public async Task<IReadOnlyList<ComplaintView>> ForInmateAsync(Guid inmateId, bool byOversight, CancellationToken ct)
    {
        // both streams, then filtered: a confidential complaint shows to staff once disclosed (masked)
        var events = (await store.ReadStreamAsync(StreamIds.Complaints(inmateId), ct: ct))
            .Concat(await store.ReadStreamAsync(StreamIds.Complaints(inmateId, true), ct: ct));
        var full = new Dictionary<Guid, ComplaintView>();
        foreach (var e in events) full = Apply(full, e);
        return full.Values.Select(v => Visible(v, byOversight)).OfType<ComplaintView>().OrderBy(v => v.LodgedAt).ToList();
    }

    private static ComplaintView? Visible(ComplaintView v, bool byOversight) =>
        byOversight || !v.Confidential ? v
        : !v.Disclosed ? null
        : v with
        {
            Channel = null, Complainant = null, ComplainantName = null, Category = null, AboutStaff = null, Account = null,
            Outcome = null, Remedy = null,
            Steps = v.Steps.Select(s => s with { By = null, Detail = null, RecordedBy = null }).ToList(),
        };

    private static Dictionary<Guid, ComplaintView> Apply(Dictionary<Guid, ComplaintView> views, StoredEvent e)
    {
        ComplaintView With(Guid id, Func<ComplaintView, ComplaintView> change)
        {
            if (views.TryGetValue(id, out var v)) views[id] = change(v);
            return views[id];
        }
        ComplaintStepView Step(string step, DateTimeOffset at, string? by, string? detail) => new(step, at, by, detail, e.Timestamp, e.Actor);
        switch (e.Data)
        {
            case ComplaintLodged l:
                views[l.ComplaintId] = new ComplaintView(l.ComplaintId, l.InmateId, ComplaintsState.IsConfidential(l.Channel), false, ComplaintStage.Lodged,
                    l.LodgedAt, l.Channel, l.Complainant, l.ComplainantName, l.Category, l.AboutStaff, l.Account,
                    [Step("lodged", l.LodgedAt, l.RecordedBy, null)], null, null);
                break;
            case ComplaintAcknowledged a:
                With(a.ComplaintId, v => v with { Stage = ComplaintStage.Acknowledged, Steps = [.. v.Steps, Step("acknowledged", a.AcknowledgedAt, a.By, null)] });
                break;
            case ComplaintInvestigationOpened o:
                With(o.ComplaintId, v => v with { Stage = ComplaintStage.Investigated, Steps = [.. v.Steps, Step("investigation_opened", o.OpenedAt, o.Investigator, null)] });
                break;
            case ComplaintDecided d:
                With(d.ComplaintId, v => v with
                {
                    Stage = ComplaintStage.Decided, Outcome = d.Outcome, Remedy = d.Remedy,
                    Steps = [.. v.Steps, Step("decided", d.DecidedAt, d.By, d.Outcome.ToString())],
                });
                break;
            case ComplaintAppealed a:
                With(a.ComplaintId, v => v with { Stage = ComplaintStage.Appealed, Steps = [.. v.Steps, Step("appealed", a.AppealedAt, null, a.Grounds)] });
                break;
            case ComplaintDisclosed d:
                With(d.ComplaintId, v => v with { Disclosed = true, Steps = [.. v.Steps, Step("disclosed", d.DisclosedAt, d.By, d.Reason)] });
                break;
        }
        return views;
    }
}
