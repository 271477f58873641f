package dev.atelier.editor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.Role;
import dev.atelier.editor.OutputSettings;
import dev.atelier.editor.Project;
import dev.atelier.editor.ProjectDeleted;
import dev.atelier.editor.Projects;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@AtelierTest
@RecordApplicationEvents
class ProjectDeletedEventTest {

    @Autowired
    ProjectLibrary library;
    @Autowired
    Projects projects;
    @Autowired
    TestUsers users;
    @Autowired
    ApplicationEvents events;

    @Test
    void deletingAProjectPublishesProjectDeletedOnce() {
        CurrentUser owner = CurrentUser.signedIn(users.signUp().id(), Role.USER);
        Project project = library.create(owner, "gone soon", OutputSettings.Preset.SQUARE_720P.at(30));
        assertThat(projects.find(project.id())).contains(project);

        library.delete(owner, project.id());

        assertThat(events.stream(ProjectDeleted.class))
                .containsExactly(new ProjectDeleted(project.id(), owner.id()));
        assertThat(projects.find(project.id())).isEmpty();
    }
}
