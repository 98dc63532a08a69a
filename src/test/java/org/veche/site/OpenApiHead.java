package org.veche.site;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The head of the OpenAPI description springdoc builds from the /api/v1 controllers in
 * the tests (the site serves the built file, src/main/resources/api/openapi.json): what
 * the API is, and that it takes bearer tokens from POST /api/v1/auth/token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiHead {

	@Bean
	OpenAPI vecheApi() {
		return new OpenAPI()
			.info(new Info().title("Veche API")
				.version("v1")
				.description("Articles, photos, comments and likes of a Veche site; for moderators the moderation "
						+ "queue, decisions and bans (/api/v1/moderation), for administrators signed webhooks "
						+ "(/api/v1/webhooks). Errors are RFC 9457 "
						+ "application/problem+json. See docs/API.md in the repository.")
				.license(new License().name("See the repository")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("A token from POST /api/v1/auth/token or the account's tokens page")));
	}

}
