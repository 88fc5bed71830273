package medic.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcUrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://db:5432/medic?user=medic&password=hunter2 | jdbc:postgresql://db:5432/medic?user=medic&password=***",
        "jdbc:postgresql://db/medic?password=hunter2&ssl=true         | jdbc:postgresql://db/medic?password=***&ssl=true",
        "jdbc:postgresql://db/medic?sslmode=verify-full&sslpassword=k | jdbc:postgresql://db/medic?sslmode=verify-full&sslpassword=***",
        "jdbc:postgresql://medic:hunter2@db/medic                     | jdbc:postgresql://medic:***@db/medic",
        "jdbc:h2:file:./data/medic;PASSWORD=hunter2;AUTO_SERVER=FALSE | jdbc:h2:file:./data/medic;PASSWORD=***;AUTO_SERVER=FALSE",
        "jdbc:h2:file:async:./medic-data/medic;AUTO_SERVER=FALSE      | jdbc:h2:file:async:./medic-data/medic;AUTO_SERVER=FALSE",
        "jdbc:postgresql://db:5432/medic?currentSchema=ops            | jdbc:postgresql://db:5432/medic?currentSchema=ops",
    })
    void hides_passwords_and_keeps_everything_else(String url, String redacted) {
        assertEquals(redacted, JdbcUrls.redact(url));
    }
}
