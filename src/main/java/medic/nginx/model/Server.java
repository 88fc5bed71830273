package medic.nginx.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import medic.nginx.config.Directive;

/** A {@code server} block of the http context: its listens, names and top-level locations. */
public final class Server {
    private final Scope scope;
    private final List<Listen> listens;
    private final List<String> names;
    private final List<Location> locations = new ArrayList<>();
    private List<Location> all;

    Server(Scope scope) {
        this.scope = scope;
        List<Directive> listenLines = scope.all("listen");
        List<Listen> found = new ArrayList<>(listenLines.size());
        for (Directive listen : listenLines) {
            found.add(Listen.of(listen));
        }
        this.listens = found.isEmpty() ? List.of(new Listen("*", 80, false, false, null)) : List.copyOf(found);
        List<Directive> nameLines = scope.all("server_name");
        this.names = nameLines.size() == 1 ? nameLines.get(0).args() : namesOf(nameLines);
    }

    private static List<String> namesOf(List<Directive> nameLines) {
        List<String> collected = new ArrayList<>();
        for (Directive line : nameLines) {
            collected.addAll(line.args());
        }
        return List.copyOf(collected);
    }

    void addLocation(Location location) {
        locations.add(location);
    }

    public Scope scope() {
        return scope;
    }

    public List<Listen> listens() {
        return listens;
    }

    public List<String> names() {
        return names;
    }

    /** The name nginx writes after {@code server:} in the error log: the first server_name, or "". */
    public String primaryName() {
        return names.isEmpty() ? "" : names.get(0);
    }

    /** Top-level locations in file order. */
    public List<Location> locations() {
        return Collections.unmodifiableList(locations);
    }

    /** Called once every location is added: lists them all, nested ones included, depth first. */
    void seal() {
        List<Location> collected = new ArrayList<>();
        collect(locations, collected);
        all = Collections.unmodifiableList(collected);
    }

    /** Every location of the server, nested ones included, depth first. */
    public List<Location> allLocations() {
        if (all != null) {
            return all;
        }
        List<Location> collected = new ArrayList<>();
        collect(locations, collected);
        return collected;
    }

    private static void collect(List<Location> from, List<Location> into) {
        for (int i = 0, n = from.size(); i < n; i++) {
            Location location = from.get(i);
            into.add(location);
            collect(location.nestedList(), into);
        }
    }

    @Override
    public String toString() {
        return "server " + (names.isEmpty() ? "(no name)" : primaryName()) + " (" + scope.block().file() + ":"
                + scope.block().line() + ")";
    }
}
