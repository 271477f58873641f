package dev.atelier.editor.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the editor.
 *
 * @param maxProjectsPerUser how many projects one user may keep (409 {@code too_many_projects} past it)
 */
@ConfigurationProperties("atelier.editor")
public record EditorProperties(@DefaultValue("1000") int maxProjectsPerUser) {
}
