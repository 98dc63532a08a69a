package org.veche.site.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.springframework.stereotype.Component;
import org.veche.site.Cluster;

/**
 * What the kept pages depend on, as counters that move on every change: one for the whole
 * site and one slot per article (articles share 4,095 slots by hash, so a change may
 * rebuild a neighbour's page too, never too few), slot 0 for the listings. A kept page
 * remembers the counters it was built under and is current while they have not moved.
 * Counters move after the change commits, so a page built under the new value shows it.
 * On PostgreSQL every change is told to the other nodes too, so that a guest on any node
 * sees it at once.
 */
@Component
public class PageVersions {

	/**
	 * The request attribute a controller sets to have its page kept: the article id, or
	 * {@link #LISTING}.
	 */
	public static final String KEEP = PageVersions.class.getName() + ".keep";

	public static final long LISTING = -1;

	private static final int SLOTS = 4096;

	private final AtomicLong site = new AtomicLong();

	private final AtomicLongArray slots = new AtomicLongArray(SLOTS);

	private static final String TOPIC = "page";

	private static final String EVERYTHING = "*";

	private final Cluster cluster;

	PageVersions(Cluster cluster) {
		this.cluster = cluster;
		cluster.listen(TOPIC, message -> {
			if (EVERYTHING.equals(message)) {
				site.incrementAndGet();
			}
			else {
				moveOn(Long.parseLong(message));
			}
		});
	}

	/**
	 * Set while a write request runs; true once the write said precisely what it changed.
	 */
	private static final ThreadLocal<boolean[]> WRITE = new ThreadLocal<>();

	record Stamp(long site, int slot, long version) {
	}

	/**
	 * What a controller's mark remembers: its slot's counter before the page's content
	 * was read.
	 */
	record Mark(int slot, long version) {
	}

	static int slot(long articleId) {
		return articleId == LISTING ? 0
				: 1 + (int) Math.floorMod(Long.hashCode(articleId * 0x9E3779B97F4A7C15L), SLOTS - 1);
	}

	/** To be called before the page reads what it shows. */
	public Object mark(long articleId) {
		int slot = slot(articleId);
		return new Mark(slot, slots.get(slot));
	}

	long site() {
		return site.get();
	}

	boolean current(Stamp stamp) {
		return site.get() == stamp.site() && slots.get(stamp.slot()) == stamp.version();
	}

	public void articleChanged(long articleId) {
		moveOn(articleId);
		described();
		if (cluster.shared()) {
			cluster.tell(TOPIC, Long.toString(articleId));
		}
	}

	public void everythingChanged() {
		site.incrementAndGet();
		described();
		if (cluster.shared()) {
			cluster.tell(TOPIC, EVERYTHING);
		}
	}

	private void moveOn(long articleId) {
		slots.incrementAndGet(slot(articleId));
		slots.incrementAndGet(0);
	}

	public void described() {
		boolean[] write = WRITE.get();
		if (write != null) {
			write[0] = true;
		}
	}

	/** Runs a write request; true when it said what it changed. */
	static boolean[] startWrite() {
		boolean[] write = new boolean[1];
		WRITE.set(write);
		return write;
	}

	static void endWrite() {
		WRITE.remove();
	}

}
