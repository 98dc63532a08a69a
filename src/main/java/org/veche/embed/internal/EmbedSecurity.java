package org.veche.embed.internal;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * The embed's JSON API, called by the embed script from other sites: no session, no
 * cookie, no CSRF token (a request carries nothing a forger could borrow: a guest is a
 * stranger, a signed-in reader sends a bearer token that the host page's script holds).
 * CORS answers only the owner's allowed origins, without credentials.
 */
@Configuration(proxyBeanMethods = false)
class EmbedSecurity {

	/**
	 * The headers the embed script sends: JSON bodies, its sign-in token, and its guest
	 * reader key for likes.
	 */
	static final List<String> HEADERS = List.of("Content-Type", "Authorization", "X-Veche-Reader");

	@Bean
	@Order(0)
	SecurityFilterChain embedChain(HttpSecurity http, AllowedOrigins origins) throws Exception {
		http.securityMatcher("/embed/v1/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.disable())
			.anonymous(anonymous -> anonymous.disable())
			.cors(cors -> cors.configurationSource(corsFor(origins)))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	static CorsConfigurationSource corsFor(AllowedOrigins origins) {
		return (HttpServletRequest request) -> {
			var cors = new CorsConfiguration();
			cors.setAllowedOrigins(origins.all());
			cors.setAllowedMethods(List.of("GET", "POST", "DELETE"));
			cors.setAllowedHeaders(HEADERS);
			cors.setAllowCredentials(false);
			cors.setMaxAge(Duration.ofMinutes(10));
			return cors;
		};
	}

}
