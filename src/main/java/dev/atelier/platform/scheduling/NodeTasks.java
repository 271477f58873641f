package dev.atelier.platform.scheduling;

import com.github.kagkarlsson.scheduler.task.Task;
import dev.atelier.platform.node.NodeProperties;
import dev.atelier.platform.node.RunsOn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * The task beans this node registers with its scheduler: those whose {@link RunsOn} role the node
 * has. A task bean without {@link RunsOn} is a start-up error, so no task runs everywhere by accident.
 *
 * @param registered the tasks of this node's roles
 * @param all every task bean's name (db-scheduler's task name) and its role
 */
public record NodeTasks(List<Task<?>> registered, Map<String, String> all) {

    static NodeTasks of(Map<String, Task<?>> beans, ConfigurableListableBeanFactory factory, NodeProperties node) {
        List<Task<?>> registered = new ArrayList<>();
        Map<String, String> all = new TreeMap<>();
        beans.forEach((bean, task) -> {
            RunsOn role = factory.findAnnotationOnBean(bean, RunsOn.class);
            if (role == null) {
                throw new IllegalStateException("The task bean '" + bean + "' (task " + task.getName()
                        + ") does not say which node role runs it: annotate it with @RunsOn");
            }
            all.put(task.getName(), role.value().name().toLowerCase());
            if (node.has(role.value())) {
                registered.add(task);
            }
        });
        return new NodeTasks(List.copyOf(registered), all);
    }

    /** The names of the tasks this node runs. */
    public List<String> names() {
        return registered.stream().map(Task::getName).sorted().toList();
    }
}
