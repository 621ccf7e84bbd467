using QRCoder;
using SecondChance.Application;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Programmes;
using SecondChance.Host.Http;
using SecondChance.Host.Security;
using SecondChance.Projections.ReadModels;
using SecondChance.Projections.ReadModels.Certificates;

namespace SecondChance.Host.Endpoints;

/// <summary>
/// A certificate's verification code, revocation and the holder's consent to be named (staff, under the inmate), and
/// the public check of a code, which says what was certified and never where or of whom beyond a consented name.
/// </summary>
public static class CertificateEndpoints
{
    private const string Certificate = "/{inmateId:guid}/certifications/{certificateNumber}";

    public static IEndpointRouteBuilder MapCertificateEndpoints(this IEndpointRouteBuilder routes, RouteGroupBuilder g)
    {
        g.MapGet(Certificate, async (Guid inmateId, string certificateNumber, HttpContext http, Streams streams) =>
            {
                var inmate = await streams.InmateAsync(inmateId, http.RequestAborted);
                if (!inmate.Exists) return Problems.NotFound($"No inmate has id {inmateId}.");
                return inmate.State.Certificates.TryGetValue(certificateNumber.Trim(), out var certificate)
                    ? Results.Ok(certificate)
                    : Problems.NotFound($"The inmate holds no certificate numbered '{certificateNumber.Trim()}'.");
            })
            .WithName("GetCertificate").Produces<InmateCertificate>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresLogged(Policies.ReadRecords);
        g.MapGet($"{Certificate}/qr.svg", async (Guid inmateId, string certificateNumber, HttpContext http, Streams streams) =>
            {
                var inmate = await streams.InmateAsync(inmateId, http.RequestAborted);
                if (!inmate.Exists) return Problems.NotFound($"No inmate has id {inmateId}.");
                if (!inmate.State.Certificates.TryGetValue(certificateNumber.Trim(), out var certificate) || certificate.VerificationCode is null)
                    return Problems.NotFound($"The inmate holds no certificate numbered '{certificateNumber.Trim()}' with a verification code.");
                var url = $"{http.Request.Scheme}://{http.Request.Host}/verify?code={Uri.EscapeDataString(certificate.VerificationCode)}";
                using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
                return Results.Content(new SvgQRCode(data).GetGraphic(8), "image/svg+xml");
            })
            .WithName("CertificateQrCode").Produces<string>(contentType: "image/svg+xml").ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresLogged(Policies.ReadRecords);
        g.MapPost($"{Certificate}/verification-code", (Guid inmateId, string certificateNumber, HttpContext http) =>
                CommandEndpoint.RunAsync<IssueVerificationCodeRequest>(http, _ => new IssueVerificationCode(inmateId, certificateNumber)))
            .AsCommand<IssueVerificationCodeRequest>("IssueVerificationCode").Requires(Policies.TeachProgrammes);
        g.MapPost($"{Certificate}/revocation", (Guid inmateId, string certificateNumber, HttpContext http) =>
                CommandEndpoint.RunAsync<RevokeCertificateRequest>(http, r => new RevokeCertificate(inmateId, certificateNumber, r.Reason!, r.RevokedAt)))
            .AsCommand<RevokeCertificateRequest>("RevokeCertificate").Requires(Policies.TeachProgrammes);
        g.MapPost($"{Certificate}/holder-consent", (Guid inmateId, string certificateNumber, HttpContext http) =>
                CommandEndpoint.RunAsync<AttributionConsentRequest>(http, r => new GiveCertificateHolderConsent(inmateId, certificateNumber, r.At)))
            .AsCommand<AttributionConsentRequest>("GiveCertificateHolderConsent").Requires(Policies.RecordJourneys);
        g.MapPost($"{Certificate}/holder-consent/withdrawal", (Guid inmateId, string certificateNumber, HttpContext http) =>
                CommandEndpoint.RunAsync<AttributionConsentRequest>(http, r => new WithdrawCertificateHolderConsent(inmateId, certificateNumber, r.At)))
            .AsCommand<AttributionConsentRequest>("WithdrawCertificateHolderConsent").Requires(Policies.RecordJourneys);
        return routes;
    }

    /// <summary>
    /// GET /verify/{code}: anonymous and rate-limited per address. A code that is not one, and one no certificate has,
    /// get the same 404 as any unknown resource, so a guess learns nothing.
    /// </summary>
    public static IEndpointRouteBuilder MapVerificationEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/verify/{code}", async (string code, ReadModelQueries q, CancellationToken ct) =>
                VerificationCode.Normalise(code) is { } canonical && await q.Certificates.VerifyAsync(VerificationCode.Hash(canonical), ct) is { } found
                    ? Results.Ok(found)
                    : Problems.NotFound("No certificate has this verification code."))
            .WithTags("Verification").WithName("VerifyCertificate").AllowAnonymous()
            .RequireRateLimiting(SecurityHosting.VerifyLimit)
            .Produces<CertificateVerification>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return routes;
    }
}

internal sealed record IssueVerificationCodeRequest : IValidatableRequest
{
    public void Validate(FieldErrors e) { }
}

internal sealed record RevokeCertificateRequest(string? Reason, DateTimeOffset? RevokedAt) : IValidatableRequest
{
    public void Validate(FieldErrors e) => e.Text(Reason, "reason");
}
