package medic.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/** Hands Quartz connections from medic's own pool; Quartz's shutdown must not close a pool it does not own. */
final class PoolConnectionProvider implements ConnectionProvider {

    private final DataSource pool;

    PoolConnectionProvider(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void shutdown() {
        // The pool belongs to medic.store.Database, which closes it.
    }

    @Override
    public void initialize() {
        // Nothing to set up: the pool is open already.
    }
}
