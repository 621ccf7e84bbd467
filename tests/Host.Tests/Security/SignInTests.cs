using SecondChance.Application.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SecondChance.Domain.Access;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Security;

public sealed class SignInTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Credentials(string username, string password) => new { username, password };

    [Fact]
    public async Task A_wrong_password_and_an_unknown_username_get_the_same_401_problem()
    {
        var user = await TestUsers.RegisterAsync(fixture.Factory, Role.Auditor);
        var api = fixture.CreateAnonymousApi();

        var wrong = await api.PostAsync("/auth/token", Credentials(user.Username, "not-the-password"));
        var unknown = await api.PostAsync("/auth/token", Credentials("nobody.at.all", "not-the-password"));

        wrong.Status.Should().Be(HttpStatusCode.Unauthorized);
        unknown.Status.Should().Be(HttpStatusCode.Unauthorized);
        wrong.Message.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        wrong.Body.GetProperty("detail").GetString().Should().Be(unknown.Body.GetProperty("detail").GetString());
        wrong.Body.GetProperty("title").GetString().Should().Be(unknown.Body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Five_failures_lock_the_username_so_even_the_right_password_gets_429_then_it_unlocks_later()
    {
        var time = new MutableTime(FixedTime.Now);
        await using var factory = fixture.Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(time)));
        var user = await TestUsers.RegisterAsync(factory, Role.Auditor);
        var api = new Api(factory.CreateClient());

        for (var i = 0; i < 4; i++)
            (await api.PostAsync("/auth/token", Credentials(user.Username, "wrong"))).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await api.PostAsync("/auth/token", Credentials(user.Username, "wrong"))).Status.Should().Be(HttpStatusCode.TooManyRequests);
        var locked = await api.PostAsync("/auth/token", Credentials(user.Username, user.Password));
        var lockedUnknown = await api.PostAsync("/auth/sign-in", Credentials(user.Username, user.Password));

        locked.Status.Should().Be(HttpStatusCode.TooManyRequests);
        locked.Code.Should().Be("sign_in_locked");
        lockedUnknown.Status.Should().Be(HttpStatusCode.TooManyRequests);

        time.Advance(TimeSpan.FromMinutes(16));
        (await api.PostAsync("/auth/token", Credentials(user.Username, user.Password))).Status.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>Takes the client's address from a test header, as a real connection would carry it.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, rest) =>
            {
                if (http.Request.Headers["X-Test-Client"].ToString() is { Length: > 0 } address) http.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return rest(http);
            });
            next(app);
        };
    }

    [Fact]
    public async Task Failures_from_one_address_lock_the_username_there_only_and_failures_from_many_addresses_lock_it_everywhere()
    {
        var time = new MutableTime(FixedTime.Now);
        await using var factory = fixture.Factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.AddSingleton<TimeProvider>(time);
            s.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
            s.AddSingleton(new LockoutOptions(5, MaxFailuresEverywhere: 12));
        }));
        var user = await TestUsers.RegisterAsync(factory, Role.Auditor);
        var client = factory.CreateClient();
        async Task<HttpStatusCode> SignIn(string address, string password)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/token") { Content = JsonContent.Create(Credentials(user.Username, password)) };
            request.Headers.Add("X-Test-Client", address);
            return (await client.SendAsync(request)).StatusCode;
        }

        for (var i = 0; i < 4; i++) (await SignIn("203.0.113.7", "wrong")).Should().Be(HttpStatusCode.Unauthorized);
        (await SignIn("203.0.113.7", "wrong")).Should().Be(HttpStatusCode.TooManyRequests);
        (await SignIn("203.0.113.7", user.Password)).Should().Be(HttpStatusCode.TooManyRequests);
        (await SignIn("10.1.2.3", user.Password)).Should().Be(HttpStatusCode.OK, "the guesser cannot lock the owner out of their own desk");

        // the same guessing spread over other addresses: twelve failures in all lock the username everywhere
        for (var i = 0; i < 6; i++) (await SignIn($"198.51.100.{i}", "wrong")).Should().Be(HttpStatusCode.Unauthorized);
        (await SignIn("198.51.100.99", "wrong")).Should().Be(HttpStatusCode.TooManyRequests);
        (await SignIn("10.1.2.3", user.Password)).Should().Be(HttpStatusCode.TooManyRequests);

        time.Advance(TimeSpan.FromMinutes(16));
        (await SignIn("10.1.2.3", user.Password)).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Cookie_sign_in_gives_me_then_sign_out_ends_it()
    {
        var user = await TestUsers.RegisterAsync(fixture.Factory, Role.Oversight);
        var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var api = new Api(client);

        var signIn = await api.PostAsync("/auth/sign-in", Credentials(user.Username, user.Password));
        var me = await api.GetAsync("/auth/me");

        signIn.Status.Should().Be(HttpStatusCode.OK, signIn.ToString());
        signIn.Message.Headers.GetValues("Set-Cookie").Should().Contain(c => c.Contains("httponly", StringComparison.OrdinalIgnoreCase)
            && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
        me.Status.Should().Be(HttpStatusCode.OK);
        me.Body.GetProperty("username").GetString().Should().Be(user.Username);
        me.Body.GetProperty("displayName").GetString().Should().Be("Test Oversight");
        me.Body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("Oversight");

        (await api.PostAsync("/auth/sign-out", new { })).Status.Should().Be(HttpStatusCode.NoContent);
        (await api.GetAsync("/auth/me")).Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Form_sign_in_redirects_only_to_a_local_return_url()
    {
        var user = await TestUsers.RegisterAsync(fixture.Factory, Role.Auditor);
        var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var local = await client.PostAsync("/auth/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user.Username, ["password"] = user.Password, ["returnUrl"] = "/dashboard",
        }));
        var offsite = await client.PostAsync("/auth/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user.Username, ["password"] = user.Password, ["returnUrl"] = "//evil.example/",
        }));

        local.StatusCode.Should().Be(HttpStatusCode.Redirect);
        local.Headers.Location!.ToString().Should().Be("/dashboard");
        offsite.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_works_until_it_expires_and_a_forged_token_is_401()
    {
        var time = new MutableTime(FixedTime.Now);
        await using var factory = fixture.Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(time)));
        var user = await TestUsers.RegisterAsync(factory, Role.Auditor);
        var client = await TestUsers.ClientForAsync(factory, user);

        var token = await factory.CreateClient().PostAsJsonAsync("/auth/token", Credentials(user.Username, user.Password));
        var issued = await token.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        issued.GetProperty("expiresAt").GetDateTimeOffset().Should().Be(FixedTime.Now.AddMinutes(15));
        (await client.GetAsync("/read-models/wages/trial-balance")).StatusCode.Should().Be(HttpStatusCode.OK);

        time.Advance(TimeSpan.FromMinutes(16));
        var expired = await client.GetAsync("/read-models/wages/trial-balance");
        expired.StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var forged = factory.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8-not-a-real-token");
        (await forged.GetAsync("/read-models/wages/trial-balance")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await factory.CreateClient().GetAsync("/read-models/wages/trial-balance")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_rate_limited_with_a_429_problem()
    {
        await using var factory = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Security:SignInsPerAddressPerMinute", "3"));
        var api = new Api(factory.CreateClient());

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await api.PostAsync("/auth/token", Credentials($"someone{i}", "wrong"))).Status);
        var limited = await api.PostAsync("/auth/token", Credentials("someone", "wrong"));

        statuses.Take(3).Should().OnlyContain(s => s == HttpStatusCode.Unauthorized);
        limited.Status.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Header("Retry-After").Should().NotBeNull();
        limited.Message.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task A_user_changes_their_own_password_only_with_the_current_one()
    {
        var (user, client) = await TestUsers.SignedInAsync(fixture.Factory, Role.Instructor, [], []);
        var api = new Api(client);

        var wrong = await api.PostAsync("/auth/password", new { currentPassword = "not-it", newPassword = "a-brand-new-password" });
        var changed = await api.PostAsync("/auth/password", new { currentPassword = user.Password, newPassword = "a-brand-new-password" });

        wrong.Code.Should().Be("wrong_password");
        changed.Status.Should().Be(HttpStatusCode.OK, changed.ToString());
        var anonymous = fixture.CreateAnonymousApi();
        (await anonymous.PostAsync("/auth/token", Credentials(user.Username, user.Password))).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsync("/auth/token", Credentials(user.Username, "a-brand-new-password"))).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task There_is_no_default_password_and_create_admin_needs_one()
    {
        (await fixture.ScalarAsync("select count(*) from sc.user_directory where username <> 'fixture.admin'")).Should().Be(0);
        var api = fixture.CreateAnonymousApi();
        foreach (var guess in new[] { "admin", "administrator", "root" })
            (await api.PostAsync("/auth/token", Credentials(guess, guess))).Status.Should().Be(HttpStatusCode.Unauthorized);
    }
}

public sealed class MutableTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public void Advance(TimeSpan by) => _now += by;

    public override DateTimeOffset GetUtcNow() => _now;
}

public sealed class CreateAdminVerbTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Create_admin_reads_the_password_from_stdin_and_the_administrator_can_sign_in_at_once()
    {
        var stdout = new StringWriter();
        var code = await SecondChance.Host.Security.CreateAdminVerb.RunAsync(fixture.Factory.Services,
            ["create-admin", "--username", "chief.admin"], new StringReader("correct horse battery staple\n"), stdout, new StringWriter());

        code.Should().Be(0);
        var token = await fixture.CreateAnonymousApi().PostAsync("/auth/token", new { username = "chief.admin", password = "correct horse battery staple" });
        token.Status.Should().Be(HttpStatusCode.OK);
        var admin = fixture.Factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Body.GetProperty("accessToken").GetString());
        (await admin.GetAsync("/admin/users")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await fixture.ScalarAsync("select count(*) from sc_events.mt_events where user_name = 'cli:create-admin'")).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Create_admin_without_a_password_or_with_a_short_one_creates_nothing()
    {
        var before = await fixture.ScalarAsync("select count(*) from sc.user_directory");

        var empty = await SecondChance.Host.Security.CreateAdminVerb.RunAsync(fixture.Factory.Services,
            ["create-admin", "--username", "chief.admin"], new StringReader(""), new StringWriter(), new StringWriter());
        var shortOne = await SecondChance.Host.Security.CreateAdminVerb.RunAsync(fixture.Factory.Services,
            ["create-admin", "--username", "chief.admin"], new StringReader("admin\n"), new StringWriter(), new StringWriter());

        empty.Should().NotBe(0);
        shortOne.Should().NotBe(0);
        (await fixture.ScalarAsync("select count(*) from sc.user_directory")).Should().Be(before);
    }
}
