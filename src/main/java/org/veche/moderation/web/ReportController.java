package org.veche.moderation.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentRecords;
import org.veche.identity.SignedIn;
import org.veche.moderation.ReaderReports;
import org.veche.moderation.ReportReason;
import org.veche.privacy.AddressHasher;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleLookup;
import org.veche.site.RejectedInput;
import org.veche.site.PageModel;

/**
 * "Report" under every comment: a page with a short form, for readers with or without
 * JavaScript or an account. A reader is known by their account, else by their address's
 * keyed hash, so that one reader counts once.
 */
@Controller
class ReportController {

	private final ReaderReports reports;

	private final CommentRecords records;

	private final ArticleLookup publishing;

	private final AddressHasher addresses;

	ReportController(ReaderReports reports, CommentRecords records, ArticleLookup publishing, AddressHasher addresses) {
		this.reports = reports;
		this.records = records;
		this.publishing = publishing;
		this.addresses = addresses;
	}

	@GetMapping("/comments/{id}/report")
	ModelAndView form(@PathVariable long id) {
		return page(visible(id), null, false, HttpStatus.OK);
	}

	@PostMapping("/comments/{id}/report")
	ModelAndView report(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
			HttpServletRequest request) {
		Comment comment = visible(id);
		try {
			ReportReason why = ReportReason.parse(reason)
				.orElseThrow(() -> new RejectedInput("moderation.report.choose"));
			reports.report(id, why, reporter(request));
			return page(comment, null, true, HttpStatus.OK);
		}
		catch (RejectedInput rejected) {
			return page(comment, rejected.messageKey(), false, rejected.status());
		}
	}

	private String reporter(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedIn signedIn) {
			return "account:" + signedIn.accountId();
		}
		return "address:" + addresses.hash(request.getRemoteAddr());
	}

	private Comment visible(long id) {
		return records.comment(id)
			.filter(Comment::isApproved)
			.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "comment.notFound"));
	}

	private ModelAndView page(Comment comment, String error, boolean thanked, HttpStatus status) {
		Article article = publishing.article(comment.articleId())
			.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "article.notFound"));
		var model = new ReportFormModel(comment, article, ReportReason.values(), error, thanked);
		return PageModel.of("moderation/report", model, status);
	}

}
