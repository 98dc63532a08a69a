package org.veche.site.internal;

import java.util.List;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

class HandlerLookupTests {

	private RequestMappingHandlerMapping mappings;

	private RequestMappingHandlerMapping springs;

	@BeforeEach
	void mappings() {
		var context = new StaticWebApplicationContext();
		context.setServletContext(new MockServletContext());
		context.registerSingleton("routes", Routes.class);
		context.refresh();
		mappings = new HandlerLookup.PrefixedMappings();
		springs = new RequestMappingHandlerMapping();
		for (var mapping : List.of(mappings, springs)) {
			mapping.setApplicationContext(context);
			mapping.afterPropertiesSet();
		}
	}

	@Test
	void aPatternsLiteralStartEndsAtTheLastSlashBeforeItsFirstVariableOrWildcard() {
		assertThat(HandlerLookup.PrefixedMappings.literalStart("/api/v1/articles/{slug}/comments"))
			.isEqualTo("/api/v1/articles");
		assertThat(HandlerLookup.PrefixedMappings.literalStart("/media/**")).isEqualTo("/media");
		assertThat(HandlerLookup.PrefixedMappings.literalStart("/feed.xml")).isEqualTo("/feed.xml");
		assertThat(HandlerLookup.PrefixedMappings.literalStart("/{slug}")).isEmpty();
		assertThat(HandlerLookup.PrefixedMappings.literalStart("/tags/t?g")).isEqualTo("/tags");
		assertThat(HandlerLookup.PrefixedMappings.firstSegment("/api/v1/articles")).isEqualTo("api");
		assertThat(HandlerLookup.PrefixedMappings.firstSegment("/about")).isEqualTo("about");
		assertThat(HandlerLookup.PrefixedMappings.firstSegment("/")).isEmpty();
	}

	@Test
	void everyPathFindsTheHandlerItFoundBefore() throws Exception {
		assertThat(handler("POST", "/api/v1/articles/a-story/comments")).isEqualTo("post");
		assertThat(handler("GET", "/api/v1/articles/a-story/comments")).isEqualTo("list");
		assertThat(handler("GET", "/media/2026/photo.jpg")).isEqualTo("media");
		assertThat(handler("GET", "/a-story")).isEqualTo("page");
		assertThat(handler("GET", "/about")).isEqualTo("about");
		for (String path : List.of("/api/v1/articles/a-story/comments", "/api/v1/articles", "/media", "/media/",
				"/media/a/b/c", "/about", "/about/", "/about/x", "/mediax", "/a-story", "/api", "/",
				"/api/v1/articles/x/comments/y")) {
			for (String method : List.of("GET", "POST", "HEAD", "OPTIONS")) {
				assertThat(handler(method, path)).as(method + " " + path).isEqualTo(handler(springs, method, path));
			}
		}
	}

	@Test
	void aPercentEncodedPathIsMatchedDecodedAsBefore() throws Exception {
		// %61 is "a": the pattern matches the decoded segment, which the raw path's start
		// does not show
		assertThat(handler("GET", "/%61pi/v1/articles/a-story/comments")).isEqualTo("list");
	}

	@Test
	void aPathNoMappingStartsWithFindsNone() throws Exception {
		assertThat(handler("GET", "/api/v2/nothing/here")).isNull();
	}

	@Test
	void onlyTheMappingsOfThePathsFirstSegmentAndThoseWithoutALiteralStartAreTried() {
		var prefixed = (HandlerLookup.PrefixedMappings) mappings;
		assertThat(names(prefixed.candidatesFor("/api/v1/articles/a-story/comments"))).containsExactlyInAnyOrder("post",
				"list", "page");
		assertThat(names(prefixed.candidatesFor("/media/a.jpg"))).containsExactlyInAnyOrder("media", "page");
		assertThat(names(prefixed.candidatesFor("/nowhere/at/all"))).containsExactly("page");
		assertThat(prefixed.candidatesFor("/%61pi/v1/articles")).as("every mapping: matched decoded").isNull();
	}

	private List<String> names(java.util.Set<org.springframework.web.servlet.mvc.method.RequestMappingInfo> infos) {
		var methods = mappings.getHandlerMethods();
		return infos.stream().map(info -> methods.get(info).getMethod().getName()).toList();
	}

	private String handler(String method, String path) throws Exception {
		return handler(mappings, method, path);
	}

	private static String handler(RequestMappingHandlerMapping mappings, String method, String path) throws Exception {
		var request = new MockHttpServletRequest(method, path);
		HandlerExecutionChain chain;
		try {
			chain = mappings.getHandler(request);
		}
		catch (ServletException ex) {
			// a path that matches with another method or media type: the same refusal
			// from both
			return ex.getClass().getSimpleName();
		}
		return chain == null ? null : ((HandlerMethod) chain.getHandler()).getMethod().getName();
	}

	@Controller
	static class Routes {

		@PostMapping("/api/v1/articles/{slug}/comments")
		void post(@PathVariable String slug) {
		}

		@GetMapping("/api/v1/articles/{slug}/comments")
		void list(@PathVariable String slug) {
		}

		@GetMapping("/media/**")
		void media() {
		}

		@GetMapping("/about")
		void about() {
		}

		@GetMapping("/{slug}")
		void page(@PathVariable String slug) {
		}

	}

}
