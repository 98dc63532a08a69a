package org.veche.identity.internal;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.veche.identity.Role;
import org.veche.identity.SignInProviders;
import org.veche.identity.SignInReturn;
import org.veche.identity.SignedIn;

/**
 * Two chains: the JSON API authenticates each request by bearer token and keeps no session; the site signs
 * people in with a form and a session. Both send the same strict headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** No inline script, no third-party origin: every byte a page loads comes from the site itself. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'self'";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Bean
	PasswordEncoder passwordEncoder() {
		return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
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

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, Accounts accounts) throws Exception {
		http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable()) // bearer tokens are not sent by browsers on their own
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new BearerTokens(tokens, accounts), UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/articles", "/api/v1/articles/*/photos").hasRole("EDITOR")
				.anyRequest().permitAll())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED,
						"A valid bearer token is required."))
				.accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
						"Your role does not allow this.")));
		headers(http);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain site(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations,
			ExternalAccounts external, SignInProviders providers) throws Exception {
		var saved = new SavedRequestAwareAuthenticationSuccessHandler();
		saved.setDefaultTargetUrl("/editor");
		http.authorizeHttpRequests(requests -> requests
				.requestMatchers("/editor/**").hasRole("EDITOR")
				.anyRequest().permitAll())
			.formLogin(form -> form.loginPage("/login").permitAll().successHandler((request, response, auth) -> {
				// a reader who left the comment form to sign in goes back to it
				String back = SignInReturn.take(request);
				if (back != null) {
					response.sendRedirect(back);
				}
				else {
					saved.onAuthenticationSuccess(request, response, auth);
				}
			}))
			.logout(logout -> logout.logoutSuccessHandler((request, response, auth) -> {
				String back = request.getParameter("continue");
				response.sendRedirect(SignInReturn.isLocal(back) ? back : "/");
			}))
			.csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken));
		// Boot makes the repository only when registrations are configured: without one the site is as before.
		ClientRegistrationRepository configured = registrations.getIfAvailable();
		String policy = CONTENT_SECURITY_POLICY;
		if (configured != null) {
			ExternalSignInChain.apply(http, configured, external, providers);
			// the comment form's provider buttons post, then redirect to the provider: form-action must allow it
			policy = policy.replace("form-action 'self'", "form-action 'self'" + ExternalSignInChain.origins(configured));
		}
		headers(http, policy);
		return http.build();
	}

	/**
	 * A guest commenting or liking has no session, so a forged cross-site request can only act as a stranger:
	 * the token is asked of every request that carries a session, and of sign-in and setup always. Likes are
	 * rendered into shared cached pages without a token; the session cookie is SameSite=Lax, so a cross-site
	 * like arrives without a session and counts as a stranger's.
	 */
	static boolean needsCsrfToken(HttpServletRequest request) {
		if (SAFE_METHODS.contains(request.getMethod())) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals("/login") || path.equals("/setup")) {
			return true;
		}
		if (path.startsWith("/comments/") && path.endsWith("/like")) {
			return false;
		}
		return request.getSession(false) != null;
	}

	private static void headers(HttpSecurity http) throws Exception {
		headers(http, CONTENT_SECURITY_POLICY);
	}

	private static void headers(HttpSecurity http, String policy) throws Exception {
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.frameOptions(frames -> frames.sameOrigin()));
	}

	static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
					+ ",\"detail\":\"" + detail + "\"}");
	}

}
