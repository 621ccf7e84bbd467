using FluentAssertions;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Programmes;
using static SecondChance.Domain.Tests.Support.F;
using static SecondChance.Domain.Tests.Support.Spec;

namespace SecondChance.Domain.Tests;

public class CertificateSpecs
{
    private const string Number = "TEVTA-2026-114";
    private const string Code = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345";
    private static readonly DateTimeOffset At = Now.AddHours(-1);
    private static readonly SkillCertified Certified = new(InmateId, ProgrammeId, "Truck art", "Level 2", "TEVTA assessor", Number, Now.AddDays(-5));

    private static InmateState Inmate(params object[] events) => GivenInmate([Admitted(), .. events]).State;

    [Fact]
    public void A_certificate_without_a_code_is_issued_the_one_given() =>
        GivenInmate(Admitted(), Certified).When(s => CertificateDecider.Decide(s, new IssueVerificationCode(InmateId, Number), Code, Now))
            .ThenEmits(new CertificateCodeIssued(InmateId, Number, Code, Now));

    [Fact]
    public void A_certificate_with_a_code_keeps_it() =>
        GivenInmate(Admitted(), Certified, new CertificateCodeIssued(InmateId, Number, Code, At))
            .When(s => CertificateDecider.Decide(s, new IssueVerificationCode(InmateId, Number), "OTHER", Now)).ThenNothing();

    [Fact]
    public void No_code_for_a_certificate_the_inmate_does_not_hold() =>
        GivenInmate(Admitted(), Certified).When(s => CertificateDecider.Decide(s, new IssueVerificationCode(InmateId, "NOPE-1"), Code, Now))
            .ThenRefused(RefusalCodes.CertificateNotFound);

    [Fact]
    public void A_certificate_is_revoked_with_its_reason() =>
        GivenInmate(Admitted(), Certified).When(s => CertificateDecider.Decide(s, new RevokeCertificate(InmateId, Number, " Assessment was void ", At), Now))
            .ThenEmits(new CertificateRevoked(InmateId, Number, "Assessment was void", At));

    [Fact]
    public void Revoking_an_unknown_certificate_is_refused_as_certificate_not_found() =>
        GivenInmate(Admitted(), Certified).When(s => CertificateDecider.Decide(s, new RevokeCertificate(InmateId, "NOPE-1", "Void", At), Now))
            .ThenRefused(RefusalCodes.CertificateNotFound);

    [Fact]
    public void Revoking_a_revoked_certificate_is_refused_as_certificate_already_revoked() =>
        GivenInmate(Admitted(), Certified, new CertificateRevoked(InmateId, Number, "Void", At))
            .When(s => CertificateDecider.Decide(s, new RevokeCertificate(InmateId, Number, "Again", At), Now))
            .ThenRefused(RefusalCodes.CertificateAlreadyRevoked);

    [Fact]
    public void Revocation_needs_a_reason() =>
        GivenInmate(Admitted(), Certified).When(s => CertificateDecider.Decide(s, new RevokeCertificate(InmateId, Number, " ", At), Now))
            .ThenRefused(RefusalCodes.InvalidReason);

    [Fact]
    public void Consent_to_be_named_on_verification_is_given() =>
        GivenInmate(Admitted(), Certified).When(s => CertificateDecider.Decide(s, new GiveCertificateHolderConsent(InmateId, Number, At), Now))
            .ThenEmits(new CertificateHolderConsentGiven(InmateId, Number, At));

    [Fact]
    public void Consent_given_again_changes_nothing_and_withdrawal_is_recorded() =>
        GivenInmate(Admitted(), Certified, new CertificateHolderConsentGiven(InmateId, Number, At)).When(s =>
        {
            CertificateDecider.Decide(s, new GiveCertificateHolderConsent(InmateId, Number, null), Now).Events.Should().BeEmpty();
            return CertificateDecider.Decide(s, new WithdrawCertificateHolderConsent(InmateId, Number, null), Now);
        }).ThenEmits(new CertificateHolderConsentWithdrawn(InmateId, Number, Now));

    [Fact]
    public void Consent_for_an_unknown_certificate_is_refused_as_certificate_not_found() =>
        GivenInmate(Admitted(), Certified).When(s => CertificateDecider.Decide(s, new GiveCertificateHolderConsent(InmateId, "NOPE-1", At), Now))
            .ThenRefused(RefusalCodes.CertificateNotFound);

    [Fact]
    public void The_inmate_state_keeps_each_certificate_with_its_code_revocation_and_consent() =>
        Inmate(Certified, new CertificateCodeIssued(InmateId, Number, Code, At), new CertificateHolderConsentGiven(InmateId, Number, At),
                new CertificateRevoked(InmateId, Number, "Void", At))
            .Certificates[Number].Should().Be(new InmateCertificate(Number, ProgrammeId, "Truck art", "Level 2", "TEVTA assessor",
                Now.AddDays(-5), Code, "Void", true));
}

public class VerificationCodeSpecs
{
    [Fact]
    public void A_code_is_28_crockford_characters_in_groups_of_four_and_reads_back_forgivingly()
    {
        var code = VerificationCode.Format(Enumerable.Range(1, VerificationCode.RandomBytes).Select(i => (byte)(i * 37)).ToArray());

        code.Split('-').Should().HaveCount(7).And.OnlyContain(g => g.Length == 4);
        var canonical = VerificationCode.Normalise(code)!;
        canonical.Should().HaveLength(28);
        VerificationCode.Normalise(code.ToLowerInvariant().Replace('1', 'l').Replace('0', 'o').Replace("-", " ")).Should().Be(canonical);
        VerificationCode.Hash(canonical).Should().HaveLength(64).And.NotContain(canonical);
    }

    [Fact]
    public void Text_that_is_not_a_code_does_not_normalise()
    {
        VerificationCode.Normalise("ABCD").Should().BeNull();
        VerificationCode.Normalise("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-234U").Should().BeNull();
        VerificationCode.Normalise(null).Should().BeNull();
    }

    [Fact]
    public void Different_random_bytes_give_different_codes() =>
        VerificationCode.Format(new byte[18]).Should().NotBe(VerificationCode.Format([.. new byte[17], 0x80]));
}
