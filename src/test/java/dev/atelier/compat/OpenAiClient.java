package dev.atelier.compat;

import dev.atelier.test.Api;

/** Requests as OpenAI's official SDKs send them: their headers and a bearer key. */
final class OpenAiClient {

    private final Api api;
    private final String key;

    OpenAiClient(Api api, String key) {
        this.api = api;
        this.key = key;
    }

    Api.Call get(String path) {
        return sdk(api.get(path));
    }

    Api.Call post(String path) {
        return sdk(api.post(path));
    }

    /** What openai-python 1.x adds to every call (Stainless-generated). */
    private Api.Call sdk(Api.Call call) {
        return call.bearer(key)
                .header("Accept", "application/json")
                .header("User-Agent", "OpenAI/Python 1.99.9")
                .header("X-Stainless-Lang", "python")
                .header("X-Stainless-Package-Version", "1.99.9")
                .header("X-Stainless-OS", "Linux")
                .header("X-Stainless-Arch", "x64")
                .header("X-Stainless-Runtime", "CPython")
                .header("X-Stainless-Runtime-Version", "3.12.3")
                .header("X-Stainless-Async", "false")
                .header("X-Stainless-Retry-Count", "0")
                .header("X-Stainless-Read-Timeout", "600")
                .header("OpenAI-Beta", "assistants=v2");
    }
}
