package dev.atelier.platform.node;

/**
 * What a node does (docs/deploy.md). A node has one or more: {@code api} serves the HTTP API and
 * the pages, {@code jobs} runs generations, webhook deliveries and the cluster's housekeeping,
 * {@code render} runs previews and exports. Health and metrics are served whatever the roles.
 */
public enum NodeRole {
    API, JOBS, RENDER
}
