package org.veche.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * What a module test ({@code @ApplicationModuleTest}) stands on besides its module: a
 * database and data directory of its own ({@link TestDatabase}: a fresh SQLite file, all
 * migrations applied), the shared test mail server, and a context closed after its class,
 * so that the sixteen module contexts never stay open in one JVM together.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = TestDatabase.class)
@TestPropertySource(properties = { "logging.level.org.veche=info",
		// a guest's page is rebuilt at once after each change, as in the integration
		// tests
		"veche.page-cache.rebuild-every=0" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface ModuleTestSite {

}
