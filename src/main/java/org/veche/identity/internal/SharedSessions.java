package org.veche.identity.internal;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.veche.identity.SignedIn;
import org.veche.site.OnPostgreSql;

/**
 * On PostgreSQL, where several nodes may serve one site behind a load balancer without
 * sticky sessions, HTTP sessions live in the database (Spring Session JDBC): the
 * signed-in reader, the CSRF token, the OAuth2 authorization request, a saved request and
 * a comment draft are found by whichever node the next request reaches. The cookie keeps
 * its name and attributes. On SQLite none of this exists and the server keeps its
 * sessions in memory, as it always has.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@OnPostgreSql
@EnableJdbcHttpSession(maxInactiveIntervalInSeconds = 1800, cleanupCron = "0 */5 * * * *")
class SharedSessions {

	private static final String SECURITY_CONTEXT = "SPRING_SECURITY_CONTEXT";

	@Bean
	CookieSerializer sessionCookie(@Value("${server.servlet.session.cookie.name:veche_session}") String name,
			@Value("${server.servlet.session.cookie.secure:#{null}}") Boolean secure) {
		var cookie = new DefaultCookieSerializer();
		cookie.setCookieName(name);
		cookie.setSameSite("Lax");
		cookie.setUseHttpOnlyCookie(true);
		cookie.setCookiePath("/");
		if (secure != null) {
			cookie.setUseSecureCookie(secure);
		}
		return cookie;
	}

	/**
	 * Sessions are found by account id (an e-mail address changes; the id does not), so
	 * that a password change can end the account's sessions on every node.
	 */
	@Bean
	IndexResolver<Session> sessionsByAccount() {
		return session -> {
			Object context = session.getAttribute(SECURITY_CONTEXT);
			if (context instanceof SecurityContext security && security.getAuthentication() != null
					&& security.getAuthentication().getPrincipal() instanceof SignedIn signedIn) {
				return Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME,
						Long.toString(signedIn.accountId()));
			}
			return Map.of();
		};
	}

	@Bean
	<S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

}
