package org.veche.discussion.web;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentDraft;
import org.veche.discussion.CommentForm;
import org.veche.discussion.CommentForms;
import org.veche.discussion.CommentRecords;
import org.veche.discussion.Discussions;
import org.veche.discussion.GuestCookies;
import org.veche.discussion.Reply;
import org.veche.discussion.ThreadFragments;
import org.veche.discussion.ThreadOrder;
import org.veche.discussion.Threads;
import org.veche.identity.ExternalSignIn;
import org.veche.identity.SignInProviders;
import org.veche.identity.SignInReturn;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleCatalogue;
import org.veche.site.FormError;
import org.veche.site.RejectedInput;

/**
 * The "Leave a reply" form's target. Without JavaScript: post, redirect, and the new
 * comment is highlighted at its anchor; a refused reply shows the form again with the
 * reason. With JavaScript the same endpoint answers JSON carrying the rendered comment,
 * to be put in place under its parent.
 */
@Controller
class CommentFormController {

	private final Discussions discussions;

	private final CommentRecords records;

	private final Threads threads;

	private final ArticleCatalogue catalogue;

	private final ThreadFragments fragments;

	private final MessageSource messages;

	private final CommentForms forms;

	private final SignInProviders providers;

	private final GuestCookies cookies;

	CommentFormController(Discussions discussions, CommentRecords records, Threads threads, ArticleCatalogue catalogue,
			ThreadFragments fragments, MessageSource messages, CommentForms forms, SignInProviders providers,
			GuestCookies cookies) {
		this.cookies = cookies;
		this.discussions = discussions;
		this.records = records;
		this.threads = threads;
		this.catalogue = catalogue;
		this.fragments = fragments;
		this.messages = messages;
		this.forms = forms;
		this.providers = providers;
	}

	/**
	 * A provider button of the form, without JavaScript: keeps what was typed in the
	 * session and sends the reader to sign in; they come back to the same reply at the
	 * form, pre-filled.
	 */
	@PostMapping("/articles/{slug}/comments/sign-in")
	String signIn(@PathVariable String slug, @RequestParam(defaultValue = "") String provider,
			@RequestParam(name = "comment_parent", required = false) String parent,
			@RequestParam(defaultValue = "") String author, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String comment,
			HttpServletRequest request) {
		Article article = catalogue.published(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String start = provider.equals("local") ? "/login"
				: providers.byId(provider)
					.map(ExternalSignIn::authorizationPath)
					.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown provider"));
		Long parentId = parent == null ? null : parseId(parent);
		CommentForms.keepDraft(request, new CommentDraft(article.path(), cap(author, 100), cap(email, 254),
				cap(url, 500), cap(comment, 10000)));
		SignInReturn.remember(request,
				article.path() + (parentId == null || parentId <= 0 ? "" : "?replytocom=" + parentId) + "#respond");
		return "redirect:" + start;
	}

	private static String cap(String value, int length) {
		return value.length() > length ? value.substring(0, length) : value;
	}

	@PostMapping("/articles/{slug}/comments")
	Object post(@PathVariable String slug, @RequestParam(name = "comment_parent", required = false) String parent,
			@RequestParam(defaultValue = "") String author, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String comment,
			@RequestParam(name = "notify_replies", defaultValue = "false") boolean notifyReplies,
			@RequestParam(name = "notify_all", defaultValue = "false") boolean notifyAllComments,
			@RequestParam(name = "remember_me", defaultValue = "false") boolean rememberMe, HttpServletRequest request,
			HttpServletResponse response) {
		Article article = catalogue.published(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		boolean hasParent = parent != null && !parent.isBlank() && !parent.equals("0");
		Long parentId = hasParent ? parseId(parent) : null;
		boolean json = Commenters.wantsJson(request);
		try {
			if (hasParent && parentId == null) {
				throw new RejectedInput("comment.parent.unknown");
			}
			var reply = new Reply(parentId, author, email, url, comment, notifyReplies, notifyAllComments);
			// the answer (the comment rendered, the page it is on) is part of the post's
			// cost: in the same turn
			return discussions.inPostingTurn(() -> answer(article, reply, rememberMe, json, request, response));
		}
		catch (RejectedInput rejected) {
			rejected.retryAfterSeconds().ifPresent(seconds -> response.setHeader("Retry-After", seconds));
			if (json) {
				String detail = messages.getMessage(rejected.messageKey(), rejected.arguments(), rejected.messageKey(),
						RequestContextUtils.getLocale(request));
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(rejected.status(), detail);
				problem.setInstance(URI.create(article.path() + "/comments"));
				return ResponseEntity.status(rejected.status())
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(problem);
			}
			Comment parentComment = parentId == null ? null : records.comment(parentId).orElse(null);
			var form = forms.complete(forms.complete(new CommentForm(article.path() + "/comments", parentComment,
					new CommentForm.Typed(author, email, url, comment), FormError.of(rejected))
				.withRemembered(rememberMe)), article);
			return new ModelAndView("discussion/reply", Map.of("model", new ReplyPage(article, form)),
					rejected.status());
		}
	}

	private Object answer(Article article, Reply reply, boolean rememberMe, boolean json, HttpServletRequest request,
			HttpServletResponse response) {
		var who = Commenters.of(request);
		Comment posted = discussions.post(article, reply, who);
		if (who.accountId() == null) {
			cookies.rememberCommenter(rememberMe, reply, request, response);
		}
		if (who.accountId() == null || !posted.isApproved()) {
			// its author keeps seeing it while it is held, and may edit or delete it for
			// a while
			cookies.held(posted, request, response);
		}
		if (json) {
			var body = new HashMap<String, Object>();
			body.put("id", posted.id());
			body.put("parentId", posted.parentId());
			// spam is held like any other comment as far as its author can tell
			body.put("status", posted.isApproved() ? "approved" : "pending");
			var locale = RequestContextUtils.getLocale(request);
			body.put("html", fragments.renderOne(posted, locale));
			// the heading as its author now sees it: the approved comments, and their own
			// held ones (counted, not read: the thread's first page was rendered before
			// this comment, and a long thread costs much to render again)
			int approved = threads.counts(List.of(article.id())).getOrDefault(article.id(), 0);
			long ownHeld = cookies.heldOn(article.id(), request).stream().filter(c -> c.id() != posted.id()).count()
					+ (posted.isApproved() ? 0 : 1);
			int total = approved + (int) ownHeld;
			body.put("total", total);
			body.put("heading", fragments.heading(total, locale));
			return ResponseEntity.status(posted.isApproved() ? HttpStatus.CREATED : HttpStatus.ACCEPTED).body(body);
		}
		if (!posted.isApproved()) {
			return "redirect:" + article.path() + "?held=" + posted.id() + "#comment-held";
		}
		int page = records.pageOf(posted, ThreadOrder.OLDEST);
		return "redirect:" + article.path() + "?cpage=" + page + "&posted=" + posted.id() + "#" + posted.anchor();
	}

	private static Long parseId(String value) {
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
