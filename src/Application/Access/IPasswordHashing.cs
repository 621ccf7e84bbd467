namespace SecondChance.Application.Access;

/// <summary>Hashing is the host's job (ASP.NET Core's password hasher); use cases only ask for it.</summary>
public interface IPasswordHashing
{
    string Hash(string password);

    PasswordCheck Verify(string hash, string password);
}

public enum PasswordCheck { Failed, Success, SuccessRehashNeeded }
