package dev.atelier.studio.internal;

import dev.atelier.studio.StudioProperties;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The editor's pages: the project list and the timeline editor. They are shells; the scripts
 * load everything through /api/v1 with the signed-in person's token, so a project that is not
 * the caller's is the API's 404, shown by the page.
 */
@Controller
@Hidden
class EditorPages {

    private final StudioProperties studio;

    EditorPages(StudioProperties studio) {
        this.studio = studio;
    }

    @GetMapping("/projects")
    String projects() {
        return "editor/projects";
    }

    @GetMapping("/projects/{id}")
    String editor(@PathVariable UUID id, Model model) {
        model.addAttribute("projectId", id);
        model.addAttribute("autosaveMs", studio.autosaveDelay().toMillis());
        return "editor/editor";
    }
}
