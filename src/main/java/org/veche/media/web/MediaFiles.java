package org.veche.media.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.veche.site.SiteProperties;

/**
 * Serves photo variants from the data directory. A variant never changes under its name (a new upload gets a
 * new random key), so browsers may keep it for a year.
 */
@Configuration(proxyBeanMethods = false)
class MediaFiles implements WebMvcConfigurer {

	private final SiteProperties site;

	MediaFiles(SiteProperties site) {
		this.site = site;
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/media/**")
			.addResourceLocations(site.mediaDir().toAbsolutePath().toUri().toString())
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
	}

}
