package org.veche.identity.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.veche.identity.Role;
import org.veche.identity.SignInProviders;
import org.veche.identity.SignInReturn;
import org.veche.identity.SignedIn;
import org.veche.site.OnSqlite;
import org.veche.site.SiteSettings;

/**
 * Two chains: the JSON API authenticates each request by bearer token and keeps no
 * session; the site signs people in with a form and a session. Both send the same strict
 * headers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // command words (import, export) run without a web server
								// and need no filter chain
class SecurityConfiguration {

	/**
	 * No inline script, no third-party origin: every byte a page loads comes from the
	 * site itself.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'self'";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	/**
	 * Forms a guest posts; their pages start a session for the token (see
	 * site.internal.PageAttribute).
	 */
	private static final Set<String> FORMS_WITHOUT_SESSION = Set.of("/login", "/setup", "/signup", "/password/forgot",
			"/password/reset");

	@Bean
	PasswordEncoder passwordEncoder() {
		return new Argon2Passwords();
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy(Role.hierarchy());
	}

	@Bean
	UserDetailsService userDetailsService(Accounts accounts) {
		return email -> accounts.credentials(email)
			.map(c -> new SignedIn(c.account(), c.passwordHash()))
			.orElseThrow(() -> new UsernameNotFoundException("unknown"));
	}

	/**
	 * Spring checks a lock before the password by default, which would tell anyone
	 * guessing that an e-mail belongs to a suspended account; here the lock is checked
	 * only once the password is right.
	 */
	@Bean
	DaoAuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder passwords) {
		var provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwords);
		provider.setPreAuthenticationChecks(user -> {
		});
		provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		return provider;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, Accounts accounts) throws Exception {
		http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable()) // bearer tokens are not sent by browsers on
											// their own
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new BearerTokens(tokens, accounts), UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/articles", "/api/v1/articles/*/photos")
				.hasRole("AUTHOR") // Publishing refuses an author's publish
				.requestMatchers("/api/v1/moderation/**")
				.hasRole("MODERATOR") // administrators too, by the hierarchy
				.requestMatchers("/api/v1/webhooks", "/api/v1/webhooks/**")
				.hasRole("ADMINISTRATOR")
				.anyRequest()
				.permitAll())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED,
						"A valid bearer token is required."))
				.accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
						"Your role does not allow this.")));
		headers(http);
		return http.build();
	}

	/**
	 * One node's own sessions (SQLite); on PostgreSQL, {@link SharedSessions} makes the
	 * registry.
	 */
	@Bean
	@OnSqlite
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	/** Tells the session registry when sessions end or change id. */
	@Bean
	static HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	@Bean
	@Order(2)
	SecurityFilterChain site(HttpSecurity http, AccountCache accounts, LoginThrottle throttle, SessionRegistry sessions,
			UserDetailsService users, SiteSettings settings, ObjectProvider<ClientRegistrationRepository> registrations,
			ExternalAccounts external, SignInProviders providers, ConnectedAccounts connected) throws Exception {
		var throttled = new ThrottledSignIn(throttle);
		// the key signs remember-me cookies: kept by the site, so a restart does not sign
		// everyone out
		String rememberMeKey = settings.getOrCreate("identity.remember-me-key", SecurityConfiguration::randomKey);
		http.addFilterAfter(new FreshAccounts(accounts), SecurityContextHolderFilter.class)
			.authorizeHttpRequests(requests -> requests.requestMatchers("/editor/**")
				.hasRole("AUTHOR")
				.requestMatchers("/admin/**")
				.hasRole("ADMINISTRATOR")
				// the monthly moderation report is public (issue 16); the rest of
				// /moderation is the moderators'
				.requestMatchers(HttpMethod.GET, "/moderation/report", "/moderation/report/*")
				.permitAll()
				.requestMatchers("/moderation", "/moderation/**")
				.hasRole("MODERATOR")
				.requestMatchers("/account", "/account/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.addFilterBefore(throttled, UsernamePasswordAuthenticationFilter.class)
			.formLogin(form -> form.loginPage("/login")
				.successHandler(signedIn(throttle))
				.failureHandler(throttled)
				.permitAll())
			.rememberMe(remember -> remember.key(rememberMeKey)
				.rememberMeCookieName("veche_remember")
				.tokenValiditySeconds((int) Duration.ofDays(30).toSeconds())
				.userDetailsService(users))
			.sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login"))
			.logout(logout -> logout.logoutSuccessHandler((request, response, auth) -> {
				String back = request.getParameter("continue");
				response.sendRedirect(SignInReturn.isLocal(back) ? back : "/");
			}))
			.csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken));
		// Boot makes the repository only when registrations are configured: without one
		// the site is as before.
		ClientRegistrationRepository configured = registrations.getIfAvailable();
		String policy = CONTENT_SECURITY_POLICY;
		if (configured != null) {
			ExternalSignInChain.apply(http, configured, external, providers, connected);
			// the comment form's provider buttons post, then redirect to the provider:
			// form-action must allow it
			policy = policy.replace("form-action 'self'",
					"form-action 'self'" + ExternalSignInChain.origins(configured));
		}
		headers(http, policy);
		return http.build();
	}

	/**
	 * Back to the comment form or the page that asked for sign-in; otherwise staff to the
	 * editor and readers to the front page.
	 */
	private static AuthenticationSuccessHandler signedIn(LoginThrottle throttle) {
		var staff = new SavedRequestAwareAuthenticationSuccessHandler();
		staff.setDefaultTargetUrl("/editor");
		var reader = new SavedRequestAwareAuthenticationSuccessHandler();
		reader.setDefaultTargetUrl("/");
		return (request, response, authentication) -> {
			throttle.succeeded(authentication.getName());
			// a reader who left the comment form to sign in goes back to it
			String back = SignInReturn.take(request);
			if (back != null) {
				response.sendRedirect(back);
				return;
			}
			boolean isStaff = authentication.getPrincipal() instanceof SignedIn signedIn
					&& (signedIn.isStaff() || signedIn.role() == Role.AUTHOR);
			(isStaff ? staff : reader).onAuthenticationSuccess(request, response, authentication);
		};
	}

	private static String randomKey() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	/**
	 * A guest commenting or liking has no session, so a forged cross-site request can
	 * only act as a stranger: the token is asked of every request that carries a session,
	 * and of sign-in and setup always. Likes are rendered into shared cached pages
	 * without a token; the session cookie is SameSite=Lax, so a cross-site like arrives
	 * without a session and counts as a stranger's.
	 */
	static boolean needsCsrfToken(HttpServletRequest request) {
		if (SAFE_METHODS.contains(request.getMethod())) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (FORMS_WITHOUT_SESSION.contains(path)) {
			return true;
		}
		if (path.startsWith("/comments/") && path.endsWith("/like")) {
			return false;
		}
		// RFC 8058 one-click unsubscribe: a mail client posts it without a session; the
		// link's signature is the check
		if (path.startsWith("/notifications/unsubscribe/")) {
			return false;
		}
		return request.getSession(false) != null;
	}

	private static void headers(HttpSecurity http) throws Exception {
		headers(http, CONTENT_SECURITY_POLICY);
	}

	private static void headers(HttpSecurity http, String policy) throws Exception {
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
			.referrerPolicy(referrer -> referrer
				.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.frameOptions(frames -> frames.sameOrigin()));
	}

	static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
					+ status.value() + ",\"detail\":\"" + detail + "\"}");
	}

}
