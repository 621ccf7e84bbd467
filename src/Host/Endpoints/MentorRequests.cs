using SecondChance.Domain.Mentors;
using SecondChance.Host.Http;

namespace SecondChance.Host.Endpoints;

internal sealed record RegisterMentorRequest(Guid? MentorId, string? FullName, string? Cnic, string? Phone, string? Organisation)
    : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Text(FullName, "fullName");
        e.Cnic(Cnic, "cnic");
        e.Text(Phone, "phone", 50, required: false);
        e.Text(Organisation, "organisation", required: false);
    }

    public RegisterMentor ToCommand() => new(MentorId ?? Guid.Empty, FullName!, Cnic!, Phone ?? "", Organisation ?? "");
}

internal sealed record VetMentorRequest(string? VettedBy, DateOnly? VettedOn, string? Reference) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Text(VettedBy, "vettedBy");
        e.Required(VettedOn, "vettedOn");
        e.Text(Reference, "reference", required: false);
    }

    public VetMentor ToCommand(Guid mentorId) => new(mentorId, VettedBy!, VettedOn!.Value, Reference ?? "");
}

internal sealed record DeactivateMentorRequest(string? Reason, DateTimeOffset? DeactivatedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.Text(Reason, "reason", FieldErrors.TextLength);
    }

    public DeactivateMentor ToCommand(Guid mentorId) => new(mentorId, Reason!, DeactivatedAt);
}
