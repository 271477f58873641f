package dev.atelier.providers.http;

import dev.atelier.catalog.Catalog;
import dev.atelier.catalog.Model;
import dev.atelier.generation.GenerationProvider;
import dev.atelier.generation.PollResult;
import dev.atelier.generation.ProviderFailure;
import dev.atelier.generation.ProviderOutput;
import dev.atelier.generation.ProviderRequest;
import dev.atelier.generation.Submission;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** What every remote adapter shares: its HTTP, the catalog mapping, replies turned into results. */
public abstract class RemoteProvider implements GenerationProvider {

    protected static final ObjectMapper JSON = new ObjectMapper();

    protected final ProviderHttp http;
    protected final Models catalog;

    /** The catalog's models by id ({@link Catalog#find}). */
    @FunctionalInterface
    public interface Models {
        java.util.Optional<Model> find(String id);
    }

    protected RemoteProvider(ProviderHttp http, Models catalog) {
        this.http = http;
        this.catalog = catalog;
    }

    @Override
    public String id() {
        return http.provider();
    }

    @Override
    public final Submission submit(ProviderRequest request) {
        try {
            return start(request);
        } catch (JacksonException e) {
            return malformed("a body that is not the JSON expected");
        } catch (IOException e) {
            return new Submission.Failed(ProviderFailure.transientFailure("input_unavailable",
                    "Could not read the input assets", null));
        }
    }

    @Override
    public final PollResult poll(ProviderRequest request, String providerJobId) {
        try {
            return check(request, providerJobId);
        } catch (JacksonException e) {
            return pollMalformed("a body that is not the JSON expected");
        }
    }

    /** Submits the work (see {@link #submit}); unreadable JSON is handled here. */
    protected abstract Submission start(ProviderRequest request) throws IOException;

    /** Asks how the provider job is going (see {@link #poll}). */
    protected abstract PollResult check(ProviderRequest request, String providerJobId);

    @Override
    public boolean accepting() {
        return http.accepting();
    }

    /** The catalog's entry for the model a request runs on. */
    protected Model model(ProviderRequest request) {
        return catalog.find(request.model()).orElseThrow(() -> new IllegalArgumentException(
                "the catalog has no model " + request.model()));
    }

    protected JsonNode read(Reply.Ok ok) {
        return JSON.readTree(ok.body());
    }

    protected static Submission failed(Reply.Failed failed) {
        return new Submission.Failed(failed.failure());
    }

    protected static PollResult pollFailed(Reply.Failed failed) {
        return new PollResult.Failed(failed.failure());
    }

    protected Submission.Failed malformed(String what) {
        return new Submission.Failed(ProviderErrors.malformed(id(), what));
    }

    protected PollResult.Failed pollMalformed(String what) {
        return new PollResult.Failed(ProviderErrors.malformed(id(), what));
    }

    protected static ProviderOutput file(Reply.File file) {
        return new ProviderOutput.LocalFile(file.path(), file.mediaType());
    }

    /** Fetches every output URL into scratch files; the first failure deletes what was fetched. */
    protected Fetched fetchAll(List<URI> urls) {
        List<ProviderOutput> outputs = new ArrayList<>();
        for (URI url : urls) {
            switch (http.fetchOutput(url)) {
                case Reply.File file -> outputs.add(file(file));
                case Reply.Failed failed -> {
                    discard(outputs);
                    return new Fetched(List.of(), failed.failure());
                }
                case Reply.Ok ok -> {
                    discard(outputs);
                    return new Fetched(List.of(), ProviderErrors.malformed(id(), "no body"));
                }
            }
        }
        return new Fetched(List.copyOf(outputs), null);
    }

    public record Fetched(List<ProviderOutput> outputs, ProviderFailure failure) {
        public PollResult asPoll() {
            return failure == null ? new PollResult.Completed(outputs) : new PollResult.Failed(failure);
        }

        public Submission asSubmission() {
            return failure == null ? new Submission.Completed(outputs) : new Submission.Failed(failure);
        }
    }

    protected static void discard(List<ProviderOutput> outputs) {
        for (ProviderOutput output : outputs) {
            if (output instanceof ProviderOutput.LocalFile local) {
                try {
                    Files.deleteIfExists(local.path());
                } catch (IOException ignored) {
                    // scratch files are swept with the data directory's tmp
                }
            }
        }
    }

    protected static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }
}
