package medic.nginx.diagnosis;

import java.util.List;

/** One diagnosis rule of the catalogue: a stable id and a pure check over an analysis. */
public interface Rule {
    String id();

    /** A short title, e.g. "WebSocket location without Upgrade/Connection headers". */
    String title();

    List<Finding> check(Analysis analysis);
}
