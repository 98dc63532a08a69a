package org.veche.moderation.web;

import java.util.List;
import java.util.Map;

import org.veche.moderation.HeldCluster;
import org.veche.moderation.QueueItem;
import org.veche.moderation.QueueTab;
import org.veche.moderation.RaidedThread;
import org.veche.moderation.Surge;

/**
 * What the queue page shows: one tab's comments (the pending tab's near-duplicates as
 * groups), the tabs' counts, the threads under a raid and the surge in force.
 *
 * @param surge the surge in force, or null
 * @param notice what was just done (a message key), or null
 * @param error why the action was refused (a message key), or null
 */
public record QueueModel(QueueTab tab, Map<QueueTab, Integer> counts, List<QueueItem> items, List<RaidedThread> raided,
		List<HeldCluster> clusters, Surge surge, int pageNumber, int pages, String notice, String error,
		Object[] errorArgs) {
}
