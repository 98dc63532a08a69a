/**
 * The database's tables as jOOQ classes, generated at build time from the Flyway
 * migrations (src/main/jooq/schema.xml); every module may use them, but only for the
 * tables it owns (SchemaOwnershipTests).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Schema",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.veche.schema;
