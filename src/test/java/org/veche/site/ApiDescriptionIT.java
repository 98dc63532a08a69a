package org.veche.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI description the site serves is the one springdoc builds from the /api/v1
 * controllers, every /api/v1 route the application maps is in it with its method, and in
 * docs/API.md; so neither can fall behind the code.
 */
class ApiDescriptionIT extends IntegrationTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/**
	 * Where the test leaves the description springdoc builds when the served file differs
	 * from it.
	 */
	static final Path BUILT = Path.of("target/openapi.json");

	static final Path SERVED_FILE = Path.of("src/main/resources/api/openapi.json");

	@Test
	void theServedDescriptionIsTheOneTheControllersMake() throws Exception {
		JsonNode served = fetch("/api/openapi.json");
		var built = (ObjectNode) fetch("/api/openapi-from-code.json");
		// springdoc names the server the request came to (a random test port): the file
		// names none, so clients take the address they read it from
		built.remove("servers");
		if (!built.equals(served)) {
			Files.writeString(BUILT, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(built) + "\n");
		}
		assertThat(served).as("%s is behind the API's controllers: copy %s over it", SERVED_FILE, BUILT)
			.isEqualTo(built);
	}

	@Test
	void everyApiRouteIsDescribedAndDocumented() throws Exception {
		JsonNode description = fetch("/api/openapi.json");
		assertThat(description.get("openapi").asString()).startsWith("3.");
		assertThat(description.get("info").get("title").asString()).isEqualTo("Veche API");
		JsonNode paths = description.get("paths");

		var routes = new TreeSet<String>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/v1/")) {
					for (var verb : info.getMethodsCondition().getMethods()) {
						routes.add(verb.name() + " " + pattern);
					}
				}
			}
		});
		assertThat(routes).contains("POST /api/v1/articles", "GET /api/v1/articles/{slug}/comments");

		var undescribed = new ArrayList<String>();
		for (String route : routes) {
			String verb = route.substring(0, route.indexOf(' '));
			String path = route.substring(route.indexOf(' ') + 1);
			JsonNode item = paths.get(path);
			if (item == null || item.get(verb.toLowerCase(Locale.ROOT)) == null) {
				undescribed.add(route);
			}
		}
		assertThat(undescribed).as("routes missing from /api/openapi.json").isEmpty();

		String guide = Files.readString(Path.of("docs/API.md"));
		var undocumented = routes.stream().filter(route -> !guide.contains("`" + route + "`")).toList();
		assertThat(undocumented).as("routes missing from docs/API.md").isEmpty();
	}

	private JsonNode fetch(String path) throws Exception {
		// springdoc builds its description on the first request, which takes long on a
		// busy machine
		var response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(http.url(path))).timeout(Duration.ofMinutes(3)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Http.JSON.readTree(response.body());
	}

}
