package org.veche;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules talk only through their published faces, and no two depend on each other in a circle.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(VecheApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void documentsEveryModule() throws java.io.IOException {
		var documenter = new Documenter(modules);
		documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
		String components = java.nio.file.Files.readString(java.nio.file.Path.of("target/spring-modulith-docs/components.puml"));
		modules.forEach(module -> org.assertj.core.api.Assertions.assertThat(components).contains(module.getDisplayName()));
	}

}
