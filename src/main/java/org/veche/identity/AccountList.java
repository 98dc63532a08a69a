package org.veche.identity;

import java.util.List;

/**
 * One page of the administrator's list of accounts, and how many match in all.
 */
public record AccountList(List<Account> accounts, long total, int page, int size) {

	public int pages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

}
