package org.veche.site.internal;

import java.time.Duration;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI description of /api/v1, served as the file it was built into: springdoc
 * builds it from the controllers in the tests (ApiDescriptionIT fails when the file falls
 * behind the code), so the site carries no generator (springdoc, swagger-core and Jackson
 * 2 loaded some 800 classes at every start).
 */
@RestController
class ApiDescription {

	private static final Resource FILE = new ClassPathResource("api/openapi.json");

	@GetMapping(path = "/api/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Resource> description() {
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(FILE);
	}

}
