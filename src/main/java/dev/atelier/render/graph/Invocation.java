package dev.atelier.render.graph;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One ffmpeg run, still free of this machine's paths: inputs name their media by content hash, the
 * filter graph says {@code {{work}}} for the render's own folder and {@code {{font:<id>}}} for a
 * font file. {@link #fingerprint()} therefore depends only on what decides the picture and sound,
 * which makes it the cache key of a preview window; {@link #arguments} binds it to real files.
 *
 * @param files small text files the graph reads (name in the work folder → content), e.g. captions
 */
public record Invocation(List<Input> inputs, String graph, Map<String, String> files, List<String> outputOptions) {

    public static final String WORK = "{{work}}";
    public static final String GRAPH_FILE = "graph.txt";

    /** An input: its options (seek, loop, …) and the media it reads, or a lavfi source when media is null. */
    public record Input(List<String> options, Edit.Media media) {
    }

    public Invocation {
        inputs = List.copyOf(inputs);
        files = Map.copyOf(files);
        outputOptions = List.copyOf(outputOptions);
    }

    /** The filter graph with the work folder and font files filled in. */
    public String boundGraph(Path work, Function<String, Path> fonts) {
        StringBuilder out = new StringBuilder(graph.length() + 256);
        int at = 0;
        while (true) {
            int open = graph.indexOf("{{", at);
            if (open < 0) {
                break;
            }
            int close = graph.indexOf("}}", open);
            String token = graph.substring(open + 2, close);
            out.append(graph, at, open);
            Path path = token.equals("work") ? work : fonts.apply(token.substring("font:".length()));
            out.append(FilterText.path(path.toAbsolutePath().toString()));
            at = close + 2;
        }
        return out.append(graph.substring(at)).toString();
    }

    /**
     * The ffmpeg arguments (after the tool's defaults): inputs, the graph read from
     * {@code <work>/graph.txt} (the caller writes {@link #boundGraph} there), outputs, then the target.
     */
    public List<String> arguments(Function<Edit.Media, Path> mediaFiles, Path work, Path target, Encoders encoders) {
        List<String> args = new ArrayList<>();
        for (Input input : inputs) {
            args.addAll(input.options());
            if (input.media() != null) {
                // inputs are local files: nothing inside one may make ffmpeg open anything else
                args.addAll(List.of("-protocol_whitelist", "file"));
                args.add("-i");
                args.add(mediaFiles.apply(input.media()).toAbsolutePath().toString());
            }
        }
        args.add(encoders.slashOptions() ? "-/filter_complex" : "-filter_complex_script");
        args.add(work.resolve(GRAPH_FILE).toAbsolutePath().toString());
        args.addAll(outputOptions);
        args.add(target.toAbsolutePath().toString());
        return args;
    }

    /** SHA-256 over everything that decides the result, with media by content and no local paths. */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Input input : inputs) {
                update(digest, "input");
                input.options().forEach(option -> update(digest, option));
                update(digest, input.media() == null ? "-" : input.media().sha256());
            }
            update(digest, "graph");
            update(digest, graph);
            files.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(file -> {
                update(digest, file.getKey());
                update(digest, file.getValue());
            });
            update(digest, "output");
            outputOptions.forEach(option -> update(digest, option));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }
}
