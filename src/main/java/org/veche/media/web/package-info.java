/**
 * The editor's photo pages, the photo upload API and the serving of variants.
 */
package org.veche.media.web;
