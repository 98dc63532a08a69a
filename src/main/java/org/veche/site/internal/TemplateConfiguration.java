package org.veche.site.internal;

import java.nio.file.Path;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.veche.site.SiteProperties;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.resolve.DirectoryCodeResolver;

/**
 * jte templates are compiled at build time into the jar; in template development mode
 * they are read from src/main/jte and recompiled on change.
 */
@Configuration(proxyBeanMethods = false)
class TemplateConfiguration {

	@Bean
	TemplateEngine templateEngine(SiteProperties site) {
		if (site.templateDevMode()) {
			return TemplateEngine.create(new DirectoryCodeResolver(Path.of("src/main/jte")), ContentType.Html);
		}
		TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
		engine.setBinaryStaticContent(true);
		return engine;
	}

	@Bean
	ViewResolver jteViewResolver(TemplateEngine engine) {
		return new JteViewResolver(engine);
	}

	/**
	 * A view name "discussion/thread" names the template
	 * src/main/jte/discussion/thread.jte.
	 */
	private record JteViewResolver(TemplateEngine engine) implements ViewResolver, Ordered {

		@Override
		public View resolveViewName(String viewName, Locale locale) {
			if (viewName.startsWith("redirect:") || viewName.startsWith("forward:")) {
				return null;
			}
			String template = viewName + ".jte";
			return engine.hasTemplate(template) ? new JteView(engine, template) : null;
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE - 10;
		}

	}

}
