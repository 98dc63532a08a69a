package org.veche.embed.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.veche.embed.EmbeddedPages;
import org.veche.embed.PageUrl;
import org.veche.embed.internal.EmbedTokens;
import org.veche.identity.SignInReturn;
import org.veche.identity.SignedIn;
import org.veche.site.RejectedInput;

/**
 * The window the embed script opens to sign a reader in for comments on another site. The
 * reader signs in here as anywhere on this site (password or provider), then confirms
 * which site may comment in their name; only then is the token the script made (given
 * here only as its SHA-256) turned on. The script, which asks every few seconds, then
 * finds itself signed in; nothing passes between the windows.
 */
@Controller
class EmbedSignInController {

	private final EmbeddedPages pages;

	private final EmbedTokens tokens;

	EmbedSignInController(EmbeddedPages pages, EmbedTokens tokens) {
		this.pages = pages;
		this.tokens = tokens;
	}

	@GetMapping("/embed/sign-in")
	ModelAndView ask(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String origin,
			@RequestParam(defaultValue = "") String token, HttpServletRequest request) {
		String site = allowedOrigin(origin);
		if (site == null || !token.matches("[0-9a-f]{64}")) {
			return refused();
		}
		if (me == null) {
			SignInReturn.remember(request,
					"/embed/sign-in?origin=" + URLEncoder.encode(site, StandardCharsets.UTF_8) + "&token=" + token);
			return new ModelAndView("redirect:/login");
		}
		return new ModelAndView("embed/sign-in", "model", new EmbedSignInPage(site, token, false));
	}

	@PostMapping("/embed/sign-in")
	ModelAndView confirm(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String origin,
			@RequestParam(defaultValue = "") String token) {
		String site = allowedOrigin(origin);
		if (site == null || !token.matches("[0-9a-f]{64}")) {
			return refused();
		}
		if (me == null) {
			return new ModelAndView("redirect:/login");
		}
		tokens.activate(token, me.accountId(), me.provider(), site);
		return new ModelAndView("embed/sign-in", "model", new EmbedSignInPage(site, token, true));
	}

	private String allowedOrigin(String origin) {
		try {
			String site = PageUrl.origin(origin);
			return pages.allows(site) ? site : null;
		}
		catch (RejectedInput ex) {
			return null;
		}
	}

	private static ModelAndView refused() {
		return new ModelAndView("embed/refused", Map.of(), HttpStatus.BAD_REQUEST);
	}

}
