package org.veche;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.veche.schema.DefaultSchema;

/**
 * The table classes are generated into one shared package (org.veche.schema), but each
 * table still belongs to one module: only that module's code may use its class, so no
 * module reads another's tables.
 */
class SchemaOwnershipTests {

	/**
	 * Each table and the module that owns it (PostgreSQL's own tables for many nodes are
	 * not generated).
	 */
	static final Map<String, String> OWNERS = Map.ofEntries(entry("site_setting", "site"), entry("account", "identity"),
			entry("account_identity", "identity"), entry("account_token", "identity"), entry("api_token", "identity"),
			entry("sign_in_failure", "identity"), entry("article", "publishing"), entry("article_tag", "publishing"),
			entry("photo", "media"), entry("comment", "discussion"), entry("comment_like", "discussion"),
			entry("comment_revision", "discussion"), entry("comment_appeal", "moderation"),
			entry("comment_ban", "moderation"), entry("comment_reason", "moderation"),
			entry("comment_report", "moderation"), entry("filter_example", "moderation"),
			entry("filter_model", "moderation"), entry("moderation_action", "moderation"),
			entry("raid_premoderation", "moderation"), entry("raid_recent", "moderation"), entry("surge", "moderation"),
			entry("surge_thread", "moderation"), entry("embed_token", "embed"), entry("embedded_page", "embed"),
			entry("import_mapping", "importer"), entry("old_permalink", "importer"), entry("live_blog", "live"),
			entry("live_update", "live"), entry("notification_digest_item", "notification"),
			entry("notification_outbox", "notification"), entry("notification_reader", "notification"),
			entry("notification_subscription", "notification"), entry("webhook", "notification"),
			entry("webhook_delivery", "notification"), entry("privacy_link", "privacy"),
			entry("privacy_request", "privacy"));

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.veche");

	@Test
	void everyGeneratedTableHasAnOwningModule() {
		assertThat(DefaultSchema.DEFAULT_SCHEMA.getTables()).extracting(Table::getName)
			.containsExactlyInAnyOrderElementsOf(OWNERS.keySet());
	}

	@Test
	void onlyTheOwningModuleUsesATablesClass() {
		for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
			String owner = OWNERS.get(table.getName());
			noClasses().that()
				.resideOutsideOfPackages("org.veche." + owner + "..", "org.veche.schema..")
				.should()
				.dependOnClassesThat()
				.belongToAnyOf(table.getClass())
				.because(table.getName() + " belongs to the " + owner + " module")
				.check(CLASSES);
		}
	}

}
