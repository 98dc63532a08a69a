package org.veche.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Where a reader who left a page to sign in goes back to afterwards, kept in their
 * session. Only paths on this site are kept, so the value can never send anyone
 * elsewhere.
 */
public final class SignInReturn {

	static final String ATTRIBUTE = SignInReturn.class.getName();

	private SignInReturn() {
	}

	public static void remember(HttpServletRequest request, String path) {
		if (isLocal(path)) {
			request.getSession().setAttribute(ATTRIBUTE, path);
		}
	}

	/** The remembered path, forgotten as it is read; null when there is none. */
	public static String take(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return null;
		}
		Object path = session.getAttribute(ATTRIBUTE);
		session.removeAttribute(ATTRIBUTE);
		return path instanceof String s && isLocal(s) ? s : null;
	}

	public static boolean isLocal(String path) {
		return path != null && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")
				&& path.chars().noneMatch(c -> c < 0x20);
	}

}
