package org.veche.identity.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.veche.identity.Role;
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

	/**
	 * Spring checks a lock before the password by default, which would tell anyone guessing that an e-mail
	 * belongs to a suspended account; here the lock is checked only once the password is right.
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
			.csrf(csrf -> csrf.disable()) // bearer tokens are not sent by browsers on their own
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new BearerTokens(tokens, accounts), UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/articles", "/api/v1/articles/*/photos").hasRole("AUTHOR") // Publishing refuses an author's publish
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
	SecurityFilterChain site(HttpSecurity http, AccountCache accounts) throws Exception {
		http.addFilterAfter(new FreshAccounts(accounts), SecurityContextHolderFilter.class)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/editor/**").hasRole("AUTHOR")
				.requestMatchers("/admin/**").hasRole("ADMINISTRATOR")
				.requestMatchers("/account/**").authenticated()
				.anyRequest().permitAll())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/editor").permitAll()
				.failureHandler(signInFailures()))
			.logout(logout -> logout.logoutSuccessUrl("/"))
			.csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken));
		headers(http);
		return http.build();
	}

	/** A suspended account is told so after the right password; every other failure reads the same. */
	private static ExceptionMappingAuthenticationFailureHandler signInFailures() {
		var failures = new ExceptionMappingAuthenticationFailureHandler();
		failures.setDefaultFailureUrl("/login?error");
		failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?suspended"));
		return failures;
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
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
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
