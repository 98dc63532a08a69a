package org.veche.identity.internal;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.veche.identity.Account;
import org.veche.site.Cluster;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Accounts as signed-in sessions check them on each request: read again at most every few
 * seconds, and at once after an administrator changes one (the change forgets the entry
 * here and, through {@link Cluster}, on every other node of the site).
 */
@Component
public class AccountCache {

	private static final String TOPIC = "identity.account";

	private final Cache<Long, Optional<Account>> cache = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(5))
		.maximumSize(10_000)
		.build();

	private final Accounts accounts;

	private final Cluster cluster;

	AccountCache(Accounts accounts, Cluster cluster) {
		this.accounts = accounts;
		this.cluster = cluster;
		cluster.listen(TOPIC, id -> cache.invalidate(Long.parseLong(id)));
	}

	public Optional<Account> account(long id) {
		return cache.get(id, accounts::byId);
	}

	/**
	 * Forgets the account here at once, and on the other nodes once the change commits.
	 */
	public void forget(long id) {
		cache.invalidate(id);
		cluster.tellAfterCommit(TOPIC, Long.toString(id));
	}

}
