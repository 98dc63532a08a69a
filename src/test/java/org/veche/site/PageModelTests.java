package org.veche.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class PageModelTests {

	/**
	 * The modules whose pages take one typed model (issue 17); others follow as they are
	 * converted.
	 */
	private static final List<String> TYPED_MODULES = List.of("identity", "notification", "privacy", "importer",
			"archive", "site", "moderation");

	/** Parts that pages call with their own values, not pages. */
	private static final List<String> PARTS = List.of("archive/progress.jte", "site/layout.jte",
			"moderation/chartAxes.jte", "moderation/clusters.jte", "moderation/surge.jte",
			"moderation/surgeSettings.jte");

	record Sample(String email) {
	}

	@Test
	void aPageCarriesItsRecordUnderTheOneNameTemplatesUse() {
		var sample = new Sample("reader@example.org");

		var page = PageModel.of("identity/forgot", sample, HttpStatus.UNPROCESSABLE_CONTENT);

		assertThat(page.getViewName()).isEqualTo("identity/forgot");
		assertThat(page.getModel()).containsOnlyKeys("view").containsEntry("view", sample);
		assertThat(page.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(PageModel.of("identity/forgot", sample).getStatus()).as("left to the response").isNull();
	}

	@Test
	void everyTemplateOfTheTypedModulesTakesOneModelBesidesThePage() throws IOException {
		for (String module : TYPED_MODULES) {
			try (Stream<Path> templates = Files.list(Path.of("src/main/jte", module))) {
				for (Path template : templates.filter(p -> p.toString().endsWith(".jte")).toList()) {
					if (PARTS.contains(module + "/" + template.getFileName())) {
						continue;
					}
					List<String> params = Files.readAllLines(template)
						.stream()
						.filter(line -> line.startsWith("@param "))
						.filter(line -> !line.equals("@param Page page"))
						.toList();
					assertThat(params).as("the parameters of %s", template).hasSize(1);
					assertThat(params.getFirst()).as("the parameter of %s", template).endsWith(" view");
				}
			}
		}
	}

}
