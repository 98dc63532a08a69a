package org.veche.publishing.web;

import java.util.List;

import org.veche.publishing.Article;

/**
 * What the desk (publishing/desk.jte) lists: a page of the articles this writer may see
 * there.
 *
 * @param canPublish whether the writer publishes (an editor): an author's published or
 * scheduled article is listed without a link
 */
public record DeskPage(List<Article> articles, int pageNumber, int pages, boolean canPublish) {
}
