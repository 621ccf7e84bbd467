using SecondChance.Domain.Programmes;
using SecondChance.Host.Http;

namespace SecondChance.Host.Endpoints;

internal sealed record OpenProgrammeRequest(
    Guid? ProgrammeId, Guid? FacilityId, string? Name, Craft? Craft, IReadOnlyList<string>? Skills, int? Capacity, Guid? InstructorId,
    string? InstructorName, DateOnly? OpenedOn) : IValidatableRequest
{
    public const int MaxSkills = 50;

    public void Validate(FieldErrors e)
    {
        e.NotEmpty(FacilityId, "facilityId");
        e.Text(Name, "name");
        e.Required(Craft, "craft");
        if (e.Present(Skills, "skills"))
        {
            if (Skills!.Count is 0 or > MaxSkills) e.Add("skills", $"A programme certifies 1 to {MaxSkills} skills.");
            for (var i = 0; i < Skills.Count; i++) e.Text(Skills[i], $"skills[{i}]");
        }
        if (e.Required(Capacity, "capacity") && Capacity is <= 0 or > 10_000) e.Add("capacity", "Capacity runs from 1 to 10000.");
        e.NotEmpty(InstructorId, "instructorId");
        e.Text(InstructorName, "instructorName");
        e.Required(OpenedOn, "openedOn");
    }

    public OpenProgramme ToCommand() => new(ProgrammeId ?? Guid.Empty, FacilityId!.Value, Name!, Craft!.Value, Skills!, Capacity!.Value,
        InstructorId!.Value, InstructorName!, OpenedOn!.Value);
}

internal sealed record CloseProgrammeRequest(string? Reason, DateTimeOffset? ClosedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Text(Reason, "reason", FieldErrors.TextLength);
    }
}

internal sealed record EnrolInmateRequest(Guid? InmateId, DateTimeOffset? EnrolledAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.NotEmpty(InmateId, "inmateId");
    }
}

internal sealed record WithdrawFromProgrammeRequest(string? Reason, DateTimeOffset? WithdrewAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Text(Reason, "reason", FieldErrors.TextLength);
    }
}

internal sealed record CompleteProgrammeRequest(DateTimeOffset? CompletedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e) { }
}
