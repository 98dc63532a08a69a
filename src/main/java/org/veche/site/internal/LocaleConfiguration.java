package org.veche.site.internal;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.veche.site.Page;

/**
 * The language comes from Accept-Language until the reader picks one with ?lang=, which a
 * cookie then keeps (choosing a language is the reader acting, so the cookie is set only
 * then).
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new CookieLocaleResolver("veche_lang") {
			@Override
			public Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
				Locale chosen = super.resolveLocale(request);
				return supported(chosen);
			}
		};
		resolver.setDefaultLocaleFunction(request -> fromHeader(request.getHeader("Accept-Language")));
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSameSite("Lax");
		return resolver;
	}

	private static Locale supported(Locale locale) {
		for (Locale language : Page.LANGUAGES) {
			if (language.getLanguage().equals(locale.getLanguage())) {
				return language;
			}
		}
		return Locale.ENGLISH;
	}

	/**
	 * The best of the site's languages for an Accept-Language header; English when none
	 * fits or it is malformed.
	 */
	static Locale fromHeader(String header) {
		if (header == null || header.isBlank()) {
			return Locale.ENGLISH;
		}
		try {
			Locale best = Locale.lookup(Locale.LanguageRange.parse(header), Page.LANGUAGES);
			return best != null ? best : Locale.ENGLISH;
		}
		catch (IllegalArgumentException ex) {
			// a malformed header must not fail the page
			return Locale.ENGLISH;
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
	}

}
