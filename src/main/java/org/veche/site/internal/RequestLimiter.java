package org.veche.site.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContextUtils;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.github.bucket4j.Bucket;

/**
 * A token bucket per network address (and per signed-in account) for each kind of write,
 * and one for all requests, so a flood from one address is answered 429 with Retry-After
 * before it reaches the database and leaves the site to everyone else. Staff accounts are
 * not limited. The buckets live in this node's memory (Bucket4j, kept in a Caffeine cache
 * that forgets idle addresses); Bucket4j can keep the same buckets in PostgreSQL when a
 * cluster must share them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RequestLimiter {

	/** What a request does, as far as limits go; the paths are the site's own. */
	enum Kind {

		COMMENT, LIKE, REPORT, SIGN_UP, PASSWORD_RESET, DATA_REQUEST, TOKEN, SIGN_IN, OTHER_WRITE, REQUEST;

		static Kind of(String method, String path) {
			if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
				return REQUEST;
			}
			if (path.endsWith("/like")) {
				return LIKE;
			}
			if (path.endsWith("/report")) {
				return REPORT;
			}
			if (path.matches("/articles/[^/]+/comments|/api/v1/articles/[^/]+/comments|/embed/v1/comments")) {
				return COMMENT;
			}
			return switch (path) {
				case "/signup" -> SIGN_UP;
				case "/password/forgot", "/password/reset" -> PASSWORD_RESET;
				case "/privacy/request", "/account/data", "/account/data/export", "/account/data/erase" -> DATA_REQUEST;
				case "/api/v1/auth/token" -> TOKEN;
				case "/login" -> SIGN_IN;
				default -> OTHER_WRITE;
			};
		}

	}

	/**
	 * Files and the live stream are not counted: one page brings several, and a stream is
	 * one long request.
	 */
	private static boolean uncounted(String path) {
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/media/")
				|| path.startsWith("/avatars/") || path.startsWith("/live/") || path.equals("/favicon.ico")
				|| path.startsWith("/actuator/");
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> requestLimitFilter(RateLimitProperties properties,
			MessageSource messages) {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Limiter(properties, messages));
		// after Spring Security's chain (-100), so the signed-in account is known
		registration.setOrder(0);
		registration.setEnabled(properties.enabled());
		return registration;
	}

	static final class Limiter extends OncePerRequestFilter {

		static final int MOST_BUCKETS = 20_000;

		private final Map<Kind, RateLimitProperties.Limit> limits = new EnumMap<>(Kind.class);

		private final Set<String> exempt;

		private final MessageSource messages;

		private final Cache<Key, Bucket> buckets;

		/** Whose bucket of which limit. */
		private record Key(Kind kind, String who) {
		}

		Limiter(RateLimitProperties p, MessageSource messages) {
			this.messages = messages;
			limits.put(Kind.COMMENT, RateLimitProperties.Limit.parse("comments", p.comments()));
			limits.put(Kind.LIKE, RateLimitProperties.Limit.parse("likes", p.likes()));
			limits.put(Kind.REPORT, RateLimitProperties.Limit.parse("reports", p.reports()));
			limits.put(Kind.SIGN_UP, RateLimitProperties.Limit.parse("sign-ups", p.signUps()));
			limits.put(Kind.PASSWORD_RESET, RateLimitProperties.Limit.parse("password-resets", p.passwordResets()));
			limits.put(Kind.DATA_REQUEST, RateLimitProperties.Limit.parse("data-requests", p.dataRequests()));
			limits.put(Kind.TOKEN, RateLimitProperties.Limit.parse("tokens", p.tokens()));
			limits.put(Kind.SIGN_IN, RateLimitProperties.Limit.parse("sign-ins", p.signIns()));
			limits.put(Kind.OTHER_WRITE, RateLimitProperties.Limit.parse("other-writes", p.otherWrites()));
			limits.put(Kind.REQUEST, RateLimitProperties.Limit.parse("requests", p.requests()));
			this.exempt = new HashSet<>(p.exemptAddresses());
			// An idle address's bucket is full again after its own limit's period:
			// forgetting it then changes nothing. So the buckets of a flood from many
			// addresses (a raid, a spike of new readers) go a minute after their last
			// request, not with the hour-long ones; and there are at most so many (about
			// 8 MB of heap), the addresses seen most kept first (Caffeine's admission),
			// so a flood cannot fill a small server's heap.
			this.buckets = Caffeine.newBuilder()
				.expireAfter(Expiry.accessing((Key key, Bucket bucket) -> limits.get(key.kind()).period()))
				.maximumSize(MOST_BUCKETS)
				.build();
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			String address = request.getRemoteAddr();
			if (uncounted(path) || exempt.contains(address)) {
				chain.doFilter(request, response);
				return;
			}
			var authentication = SecurityContextHolder.getContext().getAuthentication();
			boolean signedIn = authentication != null && authentication.isAuthenticated()
					&& !(authentication instanceof AnonymousAuthenticationToken);
			if (signedIn && isStaff(authentication.getAuthorities())) {
				chain.doFilter(request, response);
				return;
			}
			Kind kind = Kind.of(request.getMethod(), path);
			long wait = consume(Kind.REQUEST, "address:" + address);
			if (wait == 0 && kind != Kind.REQUEST) {
				wait = consume(kind, "address:" + address);
				if (wait == 0 && signedIn) {
					wait = consume(kind, "account:" + authentication.getName());
				}
			}
			if (wait > 0) {
				refuse(request, response, wait);
				return;
			}
			chain.doFilter(request, response);
		}

		private static boolean isStaff(java.util.Collection<? extends GrantedAuthority> authorities) {
			for (GrantedAuthority authority : authorities) {
				String name = authority.getAuthority();
				if (name != null && name.startsWith("ROLE_") && !name.equals("ROLE_READER")) {
					return true;
				}
			}
			return false;
		}

		/**
		 * @return 0 when the request may go on, else the seconds until it may
		 */
		private long consume(Kind kind, String who) {
			RateLimitProperties.Limit limit = limits.get(kind);
			if (limit.off()) {
				return 0;
			}
			Bucket bucket = buckets.get(new Key(kind, who),
					key -> Bucket.builder()
						.addLimit(l -> l.capacity(limit.count()).refillGreedy(limit.count(), limit.period()))
						.build());
			var probe = bucket.tryConsumeAndReturnRemaining(1);
			if (probe.isConsumed()) {
				return 0;
			}
			return Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
		}

		private void refuse(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException {
			response.setHeader("Retry-After", String.valueOf(seconds));
			String path = request.getRequestURI();
			String accept = request.getHeader("Accept");
			boolean html = accept != null && accept.contains("text/html") && !path.startsWith("/api/")
					&& !path.startsWith("/embed/v1/");
			if (html) {
				response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
				return;
			}
			Locale locale = RequestContextUtils.getLocale(request);
			String detail = messages.getMessage("error.429.text", null, "Too many requests", locale);
			String title = messages.getMessage("error.429.title", null, "Too many requests", locale);
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":429,\"detail\":"
						+ json(detail) + ",\"retryAfter\":" + seconds + "}");
		}

		private static String json(String text) {
			var out = new StringBuilder("\"");
			for (char c : text.toCharArray()) {
				switch (c) {
					case '"' -> out.append("\\\"");
					case '\\' -> out.append("\\\\");
					default -> {
						if (c < 0x20) {
							out.append(String.format("\\u%04x", (int) c));
						}
						else {
							out.append(c);
						}
					}
				}
			}
			return out.append('"').toString();
		}

	}

}
