package org.veche.publishing.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.veche.identity.SignedIn;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleDraft;
import org.veche.publishing.EditorsDesk;
import org.veche.publishing.Newsroom;
import org.veche.site.FormError;
import org.veche.site.RejectedInput;
import org.veche.site.SiteProperties;

/**
 * The minimal editor: a list of everything on the desk, and one form to write, preview,
 * schedule and publish.
 */
@Controller
class EditorController {

	private static final int DESK_PAGE = 50;

	private final EditorsDesk desk;

	private final Newsroom newsroom;

	private final SiteProperties site;

	EditorController(EditorsDesk desk, Newsroom newsroom, SiteProperties site) {
		this.desk = desk;
		this.newsroom = newsroom;
		this.site = site;
	}

	@GetMapping("/editor")
	ModelAndView desk(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal SignedIn by) {
		// an author's published or scheduled article is listed without a link: it is the
		// editors' to change now
		var articles = desk.desk(by, page, DESK_PAGE);
		int pages = (int) Math.max(1, (desk.deskSize(by) + DESK_PAGE - 1) / DESK_PAGE);
		return new ModelAndView("publishing/desk", "model",
				new DeskPage(articles, Math.max(1, page), pages, desk.mayPublish(by)));
	}

	@GetMapping("/editor/articles/new")
	ModelAndView blank(@RequestParam(defaultValue = "article") String kind, @AuthenticationPrincipal SignedIn by) {
		var form = ArticleForm.blank(ArticleDeskApi.parse(Article.Kind.class, kind, "article.kind.invalid"));
		return form(form, null, "", null, null, by);
	}

	/**
	 * Another's article is refused with 403 (an author's), a missing one with 404: the
	 * site's error page.
	 */
	@GetMapping("/editor/articles/{id}")
	ModelAndView edit(@PathVariable long id, @RequestParam(required = false) String saved,
			@AuthenticationPrincipal SignedIn by) {
		Article article = desk.editable(id, by);
		return form(ArticleForm.of(article, site), article, "", saved != null ? "editor.saved" : null, null, by);
	}

	@PostMapping({ "/editor/articles", "/editor/articles/{id}" })
	ModelAndView save(@PathVariable(required = false) Long id, ArticleForm form,
			@RequestParam(defaultValue = "save") String action, @AuthenticationPrincipal SignedIn editor) {
		Article existing = id == null ? null : desk.editable(id, editor);
		if (action.equals("preview")) {
			return form(form, existing, desk.preview(form.body()), null, null, editor);
		}
		try {
			ArticleDraft draft = form.toDraft(site, existing == null ? null : existing.coverPhotoId());
			Article saved = existing == null ? newsroom.create(draft, editor)
					: newsroom.revise(existing.id(), draft, editor);
			if (form.comments() != null) {
				newsroom.setDiscussion(saved.id(), Article.Discussion.parse(form.comments()), editor);
			}
			return new ModelAndView("redirect:/editor/articles/" + saved.id() + "?saved");
		}
		catch (RejectedInput rejected) {
			ModelAndView again = form(form, existing, "", null, FormError.of(rejected), editor);
			// a refused permission keeps its 403; a form the site cannot accept is 422 as
			// before
			again.setStatus(rejected.status() == HttpStatus.FORBIDDEN ? HttpStatus.FORBIDDEN
					: HttpStatus.UNPROCESSABLE_CONTENT);
			return again;
		}
		catch (DateTimeParseException badDate) {
			ModelAndView again = form(form, existing, "", null, FormError.of("article.schedule.invalid"), editor);
			again.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			return again;
		}
	}

	/** The live preview beside the textarea, for editors with JavaScript. */
	@PostMapping(value = "/editor/preview", produces = "text/html;charset=UTF-8")
	@ResponseBody
	String preview(@RequestParam(defaultValue = "") String body) {
		return desk.preview(body);
	}

	private ModelAndView form(ArticleForm form, Article article, String previewHtml, String notice, FormError error,
			SignedIn by) {
		return new ModelAndView("publishing/editor", "model",
				new EditorPage(form, article, previewHtml, notice, error, desk.mayPublish(by)));
	}

}
