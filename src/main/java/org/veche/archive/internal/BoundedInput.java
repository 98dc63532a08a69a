package org.veche.archive.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.veche.backup.BackupRefused;

/**
 * An entry's stream that stops a run the moment it gives more bytes than the zip said it
 * holds: a zip bomb lies about its sizes, and what it says is what the limits were
 * checked against.
 */
final class BoundedInput extends FilterInputStream {

	private final String entry;

	private final long limit;

	private long count;

	BoundedInput(InputStream in, String entry, long limit) {
		super(in);
		this.entry = entry;
		this.limit = limit;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int off, int len) throws IOException {
		int n = super.read(buffer, off, len);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	private void count(int n) {
		count += n;
		if (count > limit) {
			throw new BackupRefused("The backup's entry " + BackupNames.printable(entry) + " holds more than the "
					+ limit + " bytes it declares: refused");
		}
	}

}
