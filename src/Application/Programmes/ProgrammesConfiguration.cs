using Microsoft.Extensions.DependencyInjection;

namespace SecondChance.Application.Programmes;

public static class ProgrammesConfiguration
{
    public static IServiceCollection AddProgrammes(this IServiceCollection services) => services
        .AddSingleton<OpenProgrammeHandler>()
        .AddSingleton<CloseProgrammeHandler>()
        .AddSingleton<EnrolInmateHandler>()
        .AddSingleton<WithdrawFromProgrammeHandler>()
        .AddSingleton<CompleteProgrammeHandler>()
        .AddSingleton<CertifySkillHandler>()
        .AddSingleton<IssueVerificationCodeHandler>()
        .AddSingleton<RevokeCertificateHandler>()
        .AddSingleton<GiveCertificateHolderConsentHandler>()
        .AddSingleton<WithdrawCertificateHolderConsentHandler>();
}
