package org.veche.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * The shared server again, with external sign-in configured against a real OpenID Connect
 * issuer (mock-oauth2-server, in-process on a free port): registration {@code oidc} is a
 * generic issuer found by its issuer URL, registration {@code google} is set up like
 * Google (registration id google, its authorization, token, key-set and user-info
 * endpoints given one by one, pointed at the issuer). Guests may comment here, as on most
 * sites, so a reader who logs out sees the guest form.
 */
@ContextConfiguration(initializers = OidcIntegrationTest.Issuer.class)
public abstract class OidcIntegrationTest extends IntegrationTest {

	protected static final String OIDC_CLIENT = "veche-oidc";

	protected static final String GOOGLE_CLIENT = "veche-google";

	private static final HttpClient OUTSIDE = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	protected static final MockOAuth2Server ISSUER = new MockOAuth2Server();

	private static boolean started;

	/**
	 * Starts the issuer before the context, which reads its discovery document while
	 * starting.
	 */
	static final class Issuer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			synchronized (ISSUER) {
				if (!started) {
					ISSUER.start();
					Runtime.getRuntime().addShutdownHook(new Thread(ISSUER::shutdown));
					started = true;
				}
			}
			String google = ISSUER.issuerUrl("google").toString().replaceAll("/$", "");
			String prefix = "spring.security.oauth2.client.";
			TestPropertyValues
				.of(prefix + "registration.oidc.client-id=" + OIDC_CLIENT,
						prefix + "registration.oidc.client-secret=oidc-secret",
						prefix + "registration.oidc.client-name=Example ID",
						prefix + "registration.oidc.scope=openid,profile,email",
						prefix + "provider.oidc.issuer-uri=" + ISSUER.issuerUrl("oidc").toString().replaceAll("/$", ""),
						prefix + "registration.google.client-id=" + GOOGLE_CLIENT,
						prefix + "registration.google.client-secret=google-secret",
						// what Spring's Google template sets, which an issuer URL
						// replaces with what discovery finds
						prefix + "registration.google.scope=openid,profile,email",
						prefix + "registration.google.client-authentication-method=client_secret_basic",
						prefix + "provider.google.authorization-uri=" + google + "/authorize",
						prefix + "provider.google.token-uri=" + google + "/token",
						prefix + "provider.google.jwk-set-uri=" + google + "/jwks",
						prefix + "provider.google.user-info-uri=" + google + "/userinfo",
						// Google's template names https://accounts.google.com as the
						// issuer its id tokens must carry; this issuer signs its own
						// name, so the registration is told it (its endpoints stay as
						// set)
						prefix + "provider.google.issuer-uri=" + google)
				.applyTo(context);
		}

	}

	/**
	 * The issuer's next token, for the issuer id ("oidc", "google") and client, carries
	 * these claims.
	 */
	protected static void nextSignIn(String issuerId, String client, String subject, Map<String, Object> claims) {
		ISSUER.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", List.of(client), claims, 3600));
	}

	/**
	 * The authorization-code flow as a browser follows it: the site sends the browser to
	 * the issuer, the issuer (non-interactive) sends it back with a code, the site
	 * exchanges the code and signs the session in. Returns the site's answer to the
	 * callback.
	 */
	protected static Http.Response authorize(BrowserSession session, String startPath) {
		var start = session.get(startPath);
		String toIssuer = start.header("Location");
		if (start.status() != 302 || toIssuer == null) {
			throw new AssertionError("the site did not send the browser to the issuer: " + start);
		}
		if (!toIssuer.contains("/authorize")) {
			// the comment form's button goes through the site's own start first
			return authorize(session, location(start));
		}
		String back = outside(toIssuer).headers()
			.firstValue("Location")
			.orElseThrow(() -> new AssertionError("the issuer did not send the browser back: " + toIssuer));
		URI callback = URI.create(back);
		return session.get(callback.getRawPath() + "?" + callback.getRawQuery());
	}

	/** A redirect's target on this site, without the origin the server may add. */
	protected static String location(Http.Response response) {
		String location = response.header("Location");
		if (location == null) {
			throw new AssertionError("not a redirect: " + response);
		}
		URI uri = URI.create(location);
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
				+ (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
	}

	private static HttpResponse<String> outside(String url) {
		try {
			return OUTSIDE.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
