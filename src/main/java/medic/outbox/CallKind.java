package medic.outbox;

/** The kinds of Slack call the outbox sends, each named by the Web API method it uses (the metrics' label). */
enum CallKind {
    POST("chat.postMessage"),
    REPLY("chat.postMessage"),
    UPDATE("chat.update"),
    UPLOAD("files.upload"),
    RESPOND("response_url");

    private final String method;

    CallKind(String method) {
        this.method = method;
    }

    String method() {
        return method;
    }
}
