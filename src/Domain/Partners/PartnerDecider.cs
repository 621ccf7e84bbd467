using SecondChance.Domain.Facilities;
using static SecondChance.Domain.Inmates.InmateGuards;
using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Partners;

public static class PartnerDecider
{
    public const int MaxMemorandumYears = 10;

    public static Decision Decide(PartnerState partner, RegisterPartner command, DateTimeOffset now)
    {
        if (Required(command.Name, InvalidField, "The partner's name") is { } r1) return r1;
        if (command.Roles is null || command.Roles.Count == 0)
            return Decision.Refuse(InvalidField, "A partner is a sales channel, a buyer of orders, a mentor of startups, or more than one of these.");
        if (command.Roles.Distinct().Count() != command.Roles.Count) return Decision.Refuse(InvalidField, "Each role is listed once.");
        var at = command.RegisteredAt ?? now;
        if (NotInFuture(at, now, "Registration time") is { } r2) return r2;
        if (partner.Registered)
            return partner.Name == command.Name.Trim() && partner.Roles.SequenceEqual(command.Roles)
                ? Decision.Nothing
                : Decision.Refuse(PartnerAlreadyRegistered, "A partner with this id is already registered.");
        return Decision.Accept(new PartnerRegistered(command.PartnerId, command.Name.Trim(), command.Kind, command.Roles.ToList(), at));
    }

    public static Decision Decide(PartnerState partner, FacilityState facility, SignMemorandum command, DateTimeOffset now)
    {
        if (!partner.Registered) return Decision.Refuse(PartnerNotFound, "The partner is not registered.");
        if (Required(command.Scope, InvalidField, "The memorandum's scope") is { } r1) return r1;
        if (Required(command.ContactName, InvalidField, "A contact person") is { } r2) return r2;
        if (Required(command.ContactDetails, InvalidField, "The contact's telephone or e-mail") is { } r3) return r3;
        if (command.EndsOn < command.StartsOn)
            return Decision.Refuse(EndsBeforeStart, $"The memorandum ends ({command.EndsOn:yyyy-MM-dd}) before it starts ({command.StartsOn:yyyy-MM-dd}).");
        if (command.EndsOn > command.StartsOn.AddYears(MaxMemorandumYears))
            return Decision.Refuse(InvalidField, $"A memorandum runs for at most {MaxMemorandumYears} years; renew it with a new one.");
        var at = command.SignedAt ?? now;
        if (NotInFuture(at, now, "Signing time") is { } r4) return r4;
        if (!facility.Registered || facility.FacilityId != command.FacilityId)
            return Decision.Refuse(FacilityNotFound, "The facility is not registered.");
        if (partner.Memoranda.FirstOrDefault(m => m.MemorandumId == command.MemorandumId) is { } signed)
            return signed.FacilityId == command.FacilityId && signed.StartsOn == command.StartsOn && signed.EndsOn == command.EndsOn
                ? Decision.Nothing
                : Decision.Refuse(MemorandumAlreadySigned, "A different memorandum with this id is already signed.");
        return Decision.Accept(new MemorandumSigned(partner.PartnerId, command.MemorandumId, command.FacilityId, command.Scope.Trim(),
            command.StartsOn, command.EndsOn, command.ContactName.Trim(), command.ContactDetails.Trim(), at));
    }

    /// <summary>The partner may act in this role at the facility on this day: registered for it, under a memorandum in force.</summary>
    public static Refusal? MayAct(PartnerState partner, PartnerRole role, Guid facilityId, DateOnly on)
    {
        if (!partner.Registered) return new Refusal(PartnerNotFound, "The partner is not registered.");
        if (!partner.Plays(role)) return new Refusal(PartnerRoleMissing, $"{partner.Name} is not registered as a {Describe(role)}.");
        if (!partner.HasMemorandumInForce(facilityId, on))
            return new Refusal(NoMemorandumInForce, $"{partner.Name} has no memorandum of understanding with this facility in force on {on:yyyy-MM-dd}.");
        return null;
    }

    private static string Describe(PartnerRole role) => role switch
    {
        PartnerRole.SalesChannel => "sales channel",
        PartnerRole.Buyer => "buyer of orders",
        _ => "mentor of startups",
    };
}
