package medic.store;

import java.io.PrintStream;
import java.sql.PreparedStatement;

/**
 * The child JVM of {@link CommitSurvivesKillTest}: opens the database named by MEDIC_PROBE_URL, then commits
 * 1, 2, 3, ... into one row, one autocommit UPDATE each, and prints each number once its commit has returned,
 * until the parent kills it.
 */
public final class CommitChild {

    private CommitChild() {
    }

    public static void main(String[] args) {
        Database database = Database.open(DatabaseSettings.of(System.getenv("MEDIC_PROBE_URL"), "medic", ""));
        Jdbc jdbc = new Jdbc(database);
        jdbc.with("create the probe row", connection -> {
            try (PreparedStatement create = connection.prepareStatement(
                    "CREATE TABLE commit_probe (id INT PRIMARY KEY, committed BIGINT NOT NULL)")) {
                create.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO commit_probe VALUES (1, 0)")) {
                return insert.executeUpdate();
            }
        });
        PrintStream out = System.out;
        for (long n = 1; ; n++) {
            long value = n;
            jdbc.with("commit " + n, connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE commit_probe SET committed = ? WHERE id = 1")) {
                    update.setLong(1, value);
                    return update.executeUpdate();
                }
            });
            out.println(n);
            out.flush();
        }
    }
}
