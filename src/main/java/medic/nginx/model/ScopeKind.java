package medic.nginx.model;

/** The nginx context a block opens; inheritance and rules depend on it. */
public enum ScopeKind {
    MAIN, EVENTS, HTTP, SERVER, LOCATION, UPSTREAM, IF, LIMIT_EXCEPT, MAP, STREAM, OTHER;

    static ScopeKind of(String blockName) {
        return switch (blockName) {
            case "events" -> EVENTS;
            case "http" -> HTTP;
            case "server" -> SERVER;
            case "location" -> LOCATION;
            case "upstream" -> UPSTREAM;
            case "if" -> IF;
            case "limit_except" -> LIMIT_EXCEPT;
            case "map" -> MAP;
            case "stream" -> STREAM;
            default -> OTHER;
        };
    }
}
