package org.veche.media.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.veche.media.internal.SharedMediaStore;
import org.veche.site.SiteProperties;

/**
 * Serves photo variants from the data directory. A variant never changes under its name
 * (a new upload gets a new random key), so browsers and proxies may keep it for a year,
 * and its ETag is its name. On a site of several nodes a variant uploaded through another
 * node is fetched once from the database into this node's folder.
 */
@Configuration(proxyBeanMethods = false)
class MediaFiles implements WebMvcConfigurer {

	private final SiteProperties site;

	private final ObjectProvider<SharedMediaStore> shared;

	MediaFiles(SiteProperties site, ObjectProvider<SharedMediaStore> shared) {
		this.site = site;
		this.shared = shared;
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		var registration = registry.addResourceHandler("/media/**")
			.addResourceLocations(site.mediaDir().toAbsolutePath().toUri().toString())
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.setEtagGenerator(MediaFiles::etag);
		SharedMediaStore store = shared.getIfAvailable();
		if (store != null) {
			registration.resourceChain(false).addResolver(new FromDatabase(store));
		}
	}

	/** "key/640.jpg": the name never names other bytes. */
	private static String etag(Resource resource) {
		try {
			var path = java.nio.file.Path.of(resource.getURI());
			return path.getParent().getFileName() + "/" + path.getFileName();
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** This node's file, or the database's copy written here first. */
	private static final class FromDatabase extends PathResourceResolver {

		private final SharedMediaStore store;

		FromDatabase(SharedMediaStore store) {
			this.store = store;
		}

		@Override
		protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
				List<? extends Resource> locations, ResourceResolverChain chain) {
			Resource here = super.resolveResourceInternal(request, requestPath, locations, chain);
			if (here != null || requestPath.contains("..") || requestPath.contains("\\")
					|| requestPath.startsWith("/")) {
				return here;
			}
			try {
				if (store.local("media/" + requestPath).isEmpty()) {
					return null;
				}
			}
			catch (IOException ex) {
				return null;
			}
			// now on this disk: resolved as any local file, with the same checks
			return super.resolveResourceInternal(request, requestPath, locations, chain);
		}

	}

}
