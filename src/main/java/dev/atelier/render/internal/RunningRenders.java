package dev.atelier.render.internal;

import dev.atelier.platform.scheduling.RunningThreads;
import org.springframework.stereotype.Component;

/**
 * Which thread on this node renders which export, so a cancel here stops its ffmpeg at once (the
 * runner's status watch stops renders ended on another node within a second).
 */
@Component
class RunningRenders extends RunningThreads {
}
