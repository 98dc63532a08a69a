package org.veche.identity.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.veche.identity.Account;
import org.veche.privacy.ErasurePolicy;
import org.veche.privacy.People;
import org.veche.privacy.Person;
import org.veche.privacy.PersonalData;
import org.veche.site.RejectedInput;

/**
 * What identity keeps about a person (the account, its linked sign-in providers, its API
 * tokens and pending e-mail links) and who has an account, for the privacy module.
 * Erasure deletes a reader's account; it runs last, after the other modules have dealt
 * with what refers to the account. Staff accounts are not erased this way: an
 * administrator first makes the person a reader, so no article is left without its desk.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AccountPrivacy implements PersonalData, People {

	private final DSLContext db;

	private final Accounts accounts;

	private final AccountCache cache;

	private final SignedInSessions sessions;

	AccountPrivacy(DSLContext db, Accounts accounts, AccountCache cache, SignedInSessions sessions) {
		this.db = db;
		this.accounts = accounts;
		this.cache = cache;
		this.sessions = sessions;
	}

	@Override
	public Optional<Person> ofAccount(long accountId) {
		return accounts.byId(accountId).map(a -> new Person(a.id(), a.emailVerified() ? a.email() : null));
	}

	@Override
	public Person byEmail(String email) {
		String normalized = Accounts.normalizeEmail(email);
		return new Person(accounts.credentials(normalized).map(c -> c.account().id()).orElse(null), normalized);
	}

	@Override
	public String section() {
		return "account";
	}

	@Override
	public Object export(Person person) {
		if (person.accountId() == null) {
			return null;
		}
		Optional<Account> found = accounts.byId(person.accountId());
		if (found.isEmpty()) {
			return null;
		}
		Account account = found.get();
		long id = account.id();
		var section = new LinkedHashMap<String, Object>();
		section.put("id", id);
		section.put("email", account.email());
		section.put("emailVerified", account.emailVerified());
		section.put("displayName", account.displayName());
		section.put("role", account.role().name().toLowerCase(java.util.Locale.ROOT));
		section.put("createdAt", account.createdAt().toString());
		section.put("suspended", account.suspended());
		section.put("signInProviders",
				rows("account_identity", id, "provider", "subject", "email", "display_name", "created_at"));
		section.put("apiTokens", rows("api_token", id, "name", "created_at", "last_used_at", "revoked_at"));
		section.put("emailLinks",
				rows("account_token", id, "purpose", "new_email", "created_at", "expires_at", "used_at"));
		return section;
	}

	/**
	 * Rows of one of identity's tables for the account, the named columns only (never a
	 * hash or a secret).
	 */
	private List<Map<String, Object>> rows(String tableName, long accountId, String... columns) {
		List<Field<?>> fields = java.util.Arrays.stream(columns).<Field<?>>map(c -> field(name(tableName, c))).toList();
		return db.select(fields)
			.from(table(name(tableName)))
			.where(field(name(tableName, "account_id"), Long.class).eq(accountId))
			.fetch(r -> row(r, columns));
	}

	private static Map<String, Object> row(Record r, String[] columns) {
		var row = new LinkedHashMap<String, Object>();
		for (int i = 0; i < columns.length; i++) {
			Object value = r.get(i);
			if (columns[i].endsWith("_at") && value instanceof Number millis) {
				value = Instant.ofEpochMilli(millis.longValue()).toString();
			}
			row.put(columns[i], value);
		}
		return row;
	}

	@Override
	public Map<String, Integer> erase(Person person, ErasurePolicy policy) {
		if (person.accountId() == null) {
			return Map.of();
		}
		Optional<Account> found = accounts.byId(person.accountId());
		if (found.isEmpty()) {
			return Map.of();
		}
		if (found.get().role() != org.veche.identity.Role.READER) {
			throw new RejectedInput(HttpStatus.CONFLICT, "privacy.erase.staff");
		}
		long id = person.accountId();
		for (String child : List.of("account_identity", "api_token", "account_token")) {
			db.deleteFrom(table(name(child))).where(field(name(child, "account_id"), Long.class).eq(id)).execute();
		}
		int deleted = db.deleteFrom(Accounts.ACCOUNT).where(Accounts.ID.eq(id)).execute();
		cache.forget(id);
		sessions.endAll(id, null);
		return Map.of("accounts.deleted", deleted);
	}

	@Override
	public int forgetAddressesBefore(Instant cutoff) {
		// identity keeps no address hash in its tables: the sign-in throttle holds them
		// in memory for minutes
		return 0;
	}

}
