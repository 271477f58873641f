package dev.atelier.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.atelier.platform.node.NodeProperties;
import dev.atelier.platform.node.NodeRole;
import dev.atelier.platform.node.RunsOn;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A node registers the tasks of its roles only, and every task must say its role. */
class NodeTasksTest {

    @Configuration(proxyBeanMethods = false)
    static class SomeTasks {
        @RunsOn(NodeRole.JOBS)
        @Bean
        OneTimeTask<Void> generate() {
            return Tasks.oneTime("generate").execute((instance, context) -> { });
        }

        @RunsOn(NodeRole.RENDER)
        @Bean
        OneTimeTask<Void> render() {
            return Tasks.oneTime("render").execute((instance, context) -> { });
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ATaskWithoutARole {
        @Bean
        OneTimeTask<Void> anywhere() {
            return Tasks.oneTime("anywhere").execute((instance, context) -> { });
        }
    }

    @Test
    void aRenderNodeRegistersOnlyRenderTasksButKnowsEveryTasksRole() {
        NodeTasks tasks = tasksOf(SomeTasks.class, Set.of(NodeRole.RENDER));

        assertThat(tasks.names()).containsExactly("render");
        assertThat(tasks.all()).isEqualTo(Map.of("generate", "jobs", "render", "render"));
    }

    @Test
    void anApiNodeRunsNoTasks() {
        assertThat(tasksOf(SomeTasks.class, Set.of(NodeRole.API)).registered()).isEmpty();
    }

    @Test
    void aTaskWithoutARoleStopsTheStart() {
        assertThatThrownBy(() -> tasksOf(ATaskWithoutARole.class, Set.of(NodeRole.JOBS)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("anywhere").hasMessageContaining("@RunsOn");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static NodeTasks tasksOf(Class<?> configuration, Set<NodeRole> roles) {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(configuration)) {
            Map<String, Task<?>> beans = (Map) context.getBeansOfType(Task.class);
            return NodeTasks.of(beans, context.getBeanFactory(), new NodeProperties(roles, "test-node"));
        }
    }
}
