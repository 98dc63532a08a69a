package org.veche.discussion.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.veche.discussion.internal.PostingTurns;

/**
 * A comment post's request takes its turn (see {@link PostingTurns}) before MVC reads it:
 * about a third of what a post costs is outside the post itself (finding the handler,
 * reading and writing JSON, rendering the answer), and a turn that left that out would
 * let sixteen writers keep every core busy all the same. The filter runs after Spring
 * Security and the request limits (order 0), so that a flood from one address is turned
 * away with 429 without queueing for a turn ahead of other readers' posts.
 */
@Configuration(proxyBeanMethods = false)
class PostingTurnFilter {

	/**
	 * The comment form, the comments API and the embed's API (which posts through the
	 * discussion).
	 */
	private static final Pattern POSTS = Pattern
		.compile("/articles/[^/]+/comments|/api/v1/articles/[^/]+/comments|/embed/v1/comments");

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> postingTurnsRegistration(PostingTurns turns) {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new TurnFilter(turns));
		registration.setName("postingTurns");
		registration.setOrder(1);
		return registration;
	}

	static final class TurnFilter extends OncePerRequestFilter {

		private final PostingTurns turns;

		TurnFilter(PostingTurns turns) {
			this.turns = turns;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !"POST".equals(request.getMethod())
					|| !POSTS.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			turns.handle(() -> chain.doFilter(request, response));
		}

	}

}
