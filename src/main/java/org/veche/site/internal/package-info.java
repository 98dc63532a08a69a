/**
 * How the shell is wired into Spring MVC: template engine, locale handling, error pages,
 * data directory.
 */
package org.veche.site.internal;
