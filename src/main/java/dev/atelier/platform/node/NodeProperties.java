package dev.atelier.platform.node;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This node's place in a cluster.
 *
 * @param roles what this node does (default all three; docs/deploy.md)
 * @param name how this node signs the work it picks ({@code scheduled_tasks.picked_by}) and its
 *     metrics; blank means host name and process id, unique on one machine too
 */
@ConfigurationProperties("atelier.node")
public record NodeProperties(@DefaultValue({"api", "jobs", "render"}) Set<NodeRole> roles, String name) {

    public NodeProperties {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("atelier.node.roles needs at least one of api, jobs, render");
        }
        roles = Set.copyOf(EnumSet.copyOf(roles));
        if (name == null || name.isBlank()) {
            name = defaultName();
        } else if (name.length() > 100) {
            throw new IllegalArgumentException("atelier.node.name is longer than 100 characters");
        }
    }

    public boolean has(NodeRole role) {
        return roles.contains(role);
    }

    private static String defaultName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
