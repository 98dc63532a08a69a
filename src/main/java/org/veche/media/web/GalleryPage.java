package org.veche.media.web;

import java.util.List;
import java.util.Set;

import org.veche.media.Photo;
import org.veche.publishing.Article;
import org.veche.site.FormError;

/**
 * What the gallery editor (media/gallery.jte) shows for one article.
 *
 * @param error why an upload was refused, or null
 * @param removed the names of uploaded files whose location was removed, shown once some
 * were stored
 * @param stored how many photos the last upload stored
 */
public record GalleryPage(Article article, List<Photo> photos, FormError error, Set<String> removed, int stored) {
}
