package org.veche.identity.internal;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.veche.identity.Account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Accounts as signed-in sessions check them on each request: read again at most every few seconds, and at once
 * after an administrator changes one on this server (the change forgets the entry).
 */
@Component
public class AccountCache {

	private final Cache<Long, Optional<Account>> cache = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(5))
		.maximumSize(10_000)
		.build();

	private final Accounts accounts;

	AccountCache(Accounts accounts) {
		this.accounts = accounts;
	}

	public Optional<Account> account(long id) {
		return cache.get(id, accounts::byId);
	}

	public void forget(long id) {
		cache.invalidate(id);
	}

}
