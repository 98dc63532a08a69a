package org.veche.discussion;

/**
 * Who is posting or liking, as the web layer knows them.
 *
 * @param accountId the signed-in account, or null for a guest
 * @param staff editors, moderators and administrators: exempt from the flood limit
 * @param browser the first-party cookie that identifies a guest's browser for likes, or
 * null
 * @param address the network address, hashed before anything is stored
 */
public record Commenter(Long accountId, String accountName, String accountEmail, boolean staff, String browser,
		String address) {

	public String likeKey() {
		return accountId != null ? "account:" + accountId : browser == null ? null : "browser:" + browser;
	}

}
