#!/usr/bin/env bash
# bench/cluster: jobs per second through one node and through two (each its own JVM) on one
# PostgreSQL and an s3mock bucket, with an instant provider; commits, rows written and connections
# per job from pg_stat_database, projected to 10 and 100 nodes. See dev.atelier.cluster.ClusterBench.
# Usage: bench/cluster/run.sh [jobs=2000] [client threads=8]
# Node JVM flags: CLUSTER_NODE_JVM (default -Xmx768m).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/classpath.sh
echo "uptime before: $(uptime)"
"$JAVA_HOME/bin/java" $ATELIER_JVM_FLAGS -Xmx512m -Ds3mock.jar=target/s3mock/s3mock.jar \
  "-Dcluster.node.jvm=${CLUSTER_NODE_JVM:--Xmx768m}" \
  -cp "$BENCH_CP" dev.atelier.cluster.ClusterBench "$@"

# --- chunked export: one versus two render nodes -------------------------------------------------
# One long 720p export (default 120 s of timeline in 20 s chunks) on a cluster with one render node,
# then with two (an API node renders nothing). CHUNKED_EXPORT="<seconds> <chunk seconds>", or "skip".
if [ "${CHUNKED_EXPORT:-}" != "skip" ]; then
  "$JAVA_HOME/bin/java" $ATELIER_JVM_FLAGS -Xmx512m -Ds3mock.jar=target/s3mock/s3mock.jar \
    "-Dcluster.node.jvm=${CLUSTER_NODE_JVM:--Xmx768m}" \
    -cp "$BENCH_CP" dev.atelier.cluster.ChunkedExportBench ${CHUNKED_EXPORT:-}
fi
# --- end of the chunked export slot ---------------------------------------------------------------
echo "uptime after: $(uptime)"
