package medic.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that needs the real PostgreSQL of {@link PostgresDatabase}: skipped loudly on a
 * laptop without it, failed under CI ({@code CI=true} or {@code -Dmedic.requireExternalTools=true}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RequiresPostgresExtension.class)
public @interface RequiresPostgres {
}
