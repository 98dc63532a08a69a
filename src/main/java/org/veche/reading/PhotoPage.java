package org.veche.reading;

import org.veche.media.Photo;
import org.veche.publishing.Article;

/**
 * What a story's photo page (reading/photo-page.jte) shows: one photo at its own address,
 * and its place among the story's photos.
 *
 * @param number the photo's place, from 1 (the cover first, then the gallery)
 * @param count how many photos the story has
 */
public record PhotoPage(Article article, Photo photo, int number, int count) {
}
