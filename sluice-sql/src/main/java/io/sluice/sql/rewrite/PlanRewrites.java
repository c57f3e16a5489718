package io.sluice.sql.rewrite;

import java.util.ArrayList;
import java.util.List;

import io.sluice.sql.function.RowMarkers;
import io.sluice.sql.lookup.BucketedLookupShuffle;
import io.sluice.sql.retraction.NetChangeBufferRewrite;
import io.sluice.sql.retraction.OuterJoinCacheRewrite;
import io.sluice.sql.window.LateTumbleRewrite;
import io.sluice.sql.window.LazyCumulateRewrite;

/** The rewrites Sluice applies to every planned job, in order; each applies only where its settings ask. */
public final class PlanRewrites {
    private final List<PlanRewrite> rewrites;

    public PlanRewrites(List<PlanRewrite> rewrites) {
        this.rewrites = List.copyOf(rewrites);
    }

    /** Sluice's rewrites. */
    public static PlanRewrites standard() {
        return new PlanRewrites(List.of(new LazyCumulateRewrite(), new LateTumbleRewrite(), new BucketedLookupShuffle(),
                new OuterJoinCacheRewrite(), new NetChangeBufferRewrite(), new RowMarkers()));
    }

    /** Applies every rewrite and returns what each did, one line per place, for explain. */
    public List<String> apply(PlannedJob job) {
        List<String> applied = new ArrayList<>();
        for (PlanRewrite rewrite : rewrites) {
            applied.addAll(rewrite.apply(job));
        }
        return List.copyOf(applied);
    }
}
