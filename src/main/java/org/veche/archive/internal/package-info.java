/**
 * The backup file (a zip of backup.json and the sections' files) and the WXR writer.
 */
package org.veche.archive.internal;
