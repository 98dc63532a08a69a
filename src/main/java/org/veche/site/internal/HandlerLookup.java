package org.veche.site.internal;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC finds the handler of a path with a variable in it (a comment post to
 * {@code /api/v1/articles/{slug}/comments}, an article page for a signed-in reader) by
 * testing every one of the site's 160 mappings in turn: their methods, parameters,
 * headers, media types and patterns. A JFR profile of a spike of comment posts found a
 * fifth of each post's CPU there. Each mapping's literal start (the pattern up to the
 * last slash before its first variable or wildcard) is noted when it is registered, and a
 * mapping whose start the path does not begin with is passed over before any of those
 * tests.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookup {

	@Bean
	WebMvcRegistrations quickHandlerLookup() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new PrefixedMappings();
			}
		};
	}

	static final class PrefixedMappings extends RequestMappingHandlerMapping {

		/**
		 * For each first path segment a mapping's literal start names, the mappings a
		 * path beginning with it may match: those with that segment, and those whose
		 * start names none ({@code /{slug}}), which are also the candidates of every
		 * other segment.
		 */
		private volatile Candidates candidates = new Candidates(Map.of(), Set.of());

		/**
		 * The candidates of the path being looked up, while it is; null where they cannot
		 * be trusted (a percent-encoded or ;-parameter path, which patterns match
		 * decoded).
		 */
		private final ThreadLocal<Set<RequestMappingInfo>> lookup = new ThreadLocal<>();

		private record Candidates(Map<String, Set<RequestMappingInfo>> bySegment, Set<RequestMappingInfo> anywhere) {

			Set<RequestMappingInfo> of(String path) {
				return bySegment.getOrDefault(firstSegment(path), anywhere);
			}

		}

		@Override
		protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
			super.handlerMethodsInitialized(handlerMethods);
			index(handlerMethods.keySet());
		}

		@Override
		public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
			super.registerMapping(mapping, handler, method);
			index(getHandlerMethods().keySet());
		}

		@Override
		public void unregisterMapping(RequestMappingInfo mapping) {
			super.unregisterMapping(mapping);
			index(getHandlerMethods().keySet());
		}

		private void index(Set<RequestMappingInfo> mappings) {
			Map<String, Set<RequestMappingInfo>> bySegment = new HashMap<>();
			Set<RequestMappingInfo> anywhere = identitySet();
			for (RequestMappingInfo mapping : mappings) {
				Set<String> segments = segments(mapping);
				if (segments == null) {
					anywhere.add(mapping);
				}
				else {
					segments.forEach(segment -> bySegment.computeIfAbsent(segment, any -> identitySet()).add(mapping));
				}
			}
			bySegment.values().forEach(set -> set.addAll(anywhere));
			candidates = new Candidates(Map.copyOf(bySegment), anywhere);
		}

		/**
		 * The first segments of a mapping's literal starts; null when a pattern names
		 * none (it is then tried for every path).
		 */
		private static Set<String> segments(RequestMappingInfo mapping) {
			var patterns = mapping.getPathPatternsCondition();
			if (patterns == null || patterns.getPatterns().isEmpty()) {
				return null;
			}
			Set<String> segments = new HashSet<>();
			for (PathPattern pattern : patterns.getPatterns()) {
				String start = literalStart(pattern.getPatternString());
				if (!start.startsWith("/")) {
					return null;
				}
				segments.add(firstSegment(start));
			}
			return segments;
		}

		private static Set<RequestMappingInfo> identitySet() {
			return Collections.newSetFromMap(new IdentityHashMap<>());
		}

		/**
		 * The part of a pattern every path it matches begins with: up to the last slash
		 * before its first variable or wildcard ({@code /media/**} matches {@code /media}
		 * too, so its start is {@code /media}).
		 */
		static String literalStart(String pattern) {
			int wild = pattern.length();
			for (int i = 0; i < pattern.length(); i++) {
				char c = pattern.charAt(i);
				if (c == '{' || c == '*' || c == '?') {
					wild = i;
					break;
				}
			}
			if (wild == pattern.length()) {
				return pattern;
			}
			int slash = pattern.lastIndexOf('/', wild);
			return slash <= 0 ? "" : pattern.substring(0, slash);
		}

		/** The first segment of a path that begins with a slash: "" for "/". */
		static String firstSegment(String path) {
			int end = path.indexOf('/', 1);
			return path.substring(Math.min(1, path.length()), end < 0 ? path.length() : end);
		}

		@Override
		protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
			lookup.set(candidatesFor(lookupPath));
			try {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			finally {
				lookup.remove();
			}
		}

		/**
		 * The mappings a path may match; null: all of them (a percent-encoded or
		 * ;-parameter path).
		 */
		Set<RequestMappingInfo> candidatesFor(String lookupPath) {
			boolean plain = lookupPath.startsWith("/") && lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
			return plain ? candidates.of(lookupPath) : null;
		}

		@Override
		protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
			Set<RequestMappingInfo> possible = lookup.get();
			if (possible != null && !possible.contains(info)) {
				return null;
			}
			return super.getMatchingMapping(info, request);
		}

	}

}
