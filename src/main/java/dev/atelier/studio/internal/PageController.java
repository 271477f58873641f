package dev.atelier.studio.internal;

import dev.atelier.media.MediaProperties;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages: shells with no data in them. Each page's script signs in through the cookie (or sends
 * the visitor to the sign-in page) and fetches what it shows from {@code /api/v1}, like any client.
 */
@Controller
@Hidden
class PageController {

    private final MediaProperties media;

    PageController(MediaProperties media) {
        this.media = media;
    }

    @GetMapping("/")
    String home() {
        return "pages/home";
    }

    @GetMapping("/sign-in")
    String signIn() {
        return "pages/sign-in";
    }

    @GetMapping("/sign-up")
    String signUp() {
        return "pages/sign-up";
    }

    @GetMapping("/generate")
    String generate() {
        return "pages/generate";
    }

    @GetMapping("/library")
    String library(Model model) {
        // the upload limits, so the page can say "too large" before sending a byte (the server checks again)
        model.addAttribute("limits", media.limits());
        return "pages/library";
    }

    @GetMapping("/account")
    String account() {
        return "pages/account";
    }

    @GetMapping("/admin")
    String admin() {
        return "pages/admin";
    }
}
