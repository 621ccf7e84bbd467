namespace SecondChance.Host.Http;

/// <summary>A request body that can say which of its fields are missing or invalid.</summary>
public interface IValidatableRequest
{
    void Validate(FieldErrors errors);
}
