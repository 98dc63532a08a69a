package org.veche.site.internal;

import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.veche.site.SiteProperties;

/**
 * Puts the guests' page cache first among the servlet filters, ahead of Spring Security's
 * chain and the request observations, so that a kept page costs a lookup and a write; big
 * pages are kept in files under the data directory.
 */
@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

	/**
	 * identity's remember-me cookie: a reader who has it is signed in on this request,
	 * whatever the session.
	 */
	private static final String REMEMBER_ME_COOKIE = "veche_remember";

	/**
	 * discussion's cookies that show one guest their own held comments, their own name in
	 * the form, and the comments they like as liked.
	 */
	private static final List<String> OWN_VIEW_COOKIES = List.of("veche_held", "veche_commenter", "veche_reader");

	@Bean
	@ConditionalOnProperty(name = "veche.page-cache.enabled", havingValue = "true", matchIfMissing = true)
	PageFiles pageFiles(SiteProperties site, Clock clock) {
		return new PageFiles(site.dataDir(), clock);
	}

	@Bean
	@ConditionalOnProperty(name = "veche.page-cache.enabled", havingValue = "true", matchIfMissing = true)
	KeptPageValve keptPageValve() {
		return new KeptPageValve();
	}

	/**
	 * The valve goes into the context's pipeline when the server is made, before the
	 * filter is: it is told later.
	 */
	@Bean
	@ConditionalOnProperty(name = "veche.page-cache.enabled", havingValue = "true", matchIfMissing = true)
	TomcatContextCustomizer keptPagesBeforeTheFilterChain(KeptPageValve valve) {
		return context -> context.getPipeline().addValve(valve);
	}

	@Bean
	@ConditionalOnProperty(name = "veche.page-cache.enabled", havingValue = "true", matchIfMissing = true)
	FilterRegistrationBean<GuestPages> guestPages(PageVersions versions, LocaleResolver locales, Clock clock,
			PageCacheProperties properties, PageFiles files, KeptPageValve valve,
			@Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie) {
		var filter = new GuestPages(versions, locales, clock, properties,
				Stream.concat(Stream.of(sessionCookie, "JSESSIONID", REMEMBER_ME_COOKIE), OWN_VIEW_COOKIES.stream())
					.toList(),
				files);
		valve.serveFrom(filter);
		var registration = new FilterRegistrationBean<>(filter);
		registration.setName("guestPages");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
