package io.sluice.cli.bench;

import io.sluice.cli.CliException;
import io.sluice.cli.client.ServerEndpoint;
import io.sluice.cli.client.ServerUnreachableException;
import io.sluice.cli.cluster.ClusterClient;
import java.net.URI;

/** Which Flink cluster a benchmark runs on: the one given, else the running Sluice server's. */
final class BenchCluster {
    private BenchCluster() {}

    static FlinkRest resolve(String flinkUrl, ServerEndpoint server) {
        if (flinkUrl != null) {
            return new FlinkRest(URI.create(flinkUrl));
        }
        try {
            return new FlinkRest(URI.create(new ClusterClient(server.client()).info().flink().restUrl()));
        } catch (ServerUnreachableException e) {
            throw new CliException("no Sluice server answers at " + server.url() + ", so there is no cluster to "
                    + "benchmark on: start one with `sluice server` (in another terminal), choose a server with "
                    + "--server URL, or give a Flink cluster's REST address with --flink URL", e);
        }
    }
}
