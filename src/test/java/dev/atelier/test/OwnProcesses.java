package dev.atelier.test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The child processes a test started itself, told apart from the others of the test JVM (s3mock,
 * tools run by a Spring context another test class left running) by a path only this test uses
 * in their arguments, such as its {@code @TempDir}.
 */
public final class OwnProcesses {

    private OwnProcesses() {
    }

    /** Live descendants of this JVM with {@code folder} in their arguments. */
    public static Stream<ProcessHandle> using(Path folder) {
        String marker = folder.toAbsolutePath().toString();
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(process -> process.info().arguments()
                        .map(arguments -> Arrays.stream(arguments).anyMatch(argument -> argument.contains(marker)))
                        .orElse(false));
    }

    public static boolean anyUsing(Path folder) {
        return using(folder).findAny().isPresent();
    }
}
