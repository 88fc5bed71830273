package medic.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/** One route another part of medic serves through {@link MedicServer}: method, path template, handler. */
public record Route(HandlerType method, String path, Handler handler) {
    public static Route post(String path, Handler handler) {
        return new Route(HandlerType.POST, path, handler);
    }

    public static Route get(String path, Handler handler) {
        return new Route(HandlerType.GET, path, handler);
    }
}
