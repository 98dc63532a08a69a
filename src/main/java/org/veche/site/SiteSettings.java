package org.veche.site;

import java.util.Optional;
import java.util.function.Supplier;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;
import org.veche.schema.tables.SiteSetting;

/**
 * Named values the site keeps for itself (keys it generated, one-time flags), like
 * WordPress's options.
 */
@Component
public class SiteSettings {

	private static final SiteSetting SITE_SETTING = SiteSetting.SITE_SETTING;

	private static final Field<String> NAME = SITE_SETTING.NAME;

	private static final Field<String> VALUE = SITE_SETTING.VALUE;

	private final DSLContext db;

	SiteSettings(DSLContext db) {
		this.db = db;
	}

	public Optional<String> get(String key) {
		return db.select(VALUE).from(SITE_SETTING).where(NAME.eq(key)).fetchOptional(VALUE);
	}

	/**
	 * The stored value, or the one the supplier makes, stored once even when two callers
	 * race.
	 */
	public String getOrCreate(String key, Supplier<String> initial) {
		return get(key).orElseGet(() -> {
			db.insertInto(SITE_SETTING).columns(NAME, VALUE).values(key, initial.get()).onConflictDoNothing().execute();
			return get(key).orElseThrow();
		});
	}

	public void put(String key, String value) {
		db.insertInto(SITE_SETTING)
			.columns(NAME, VALUE)
			.values(key, value)
			.onConflict(NAME)
			.doUpdate()
			.set(VALUE, value)
			.execute();
	}

}
