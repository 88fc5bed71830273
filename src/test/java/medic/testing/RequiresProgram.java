package medic.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that runs a real installed program: skipped loudly on a laptop without it,
 * failed under CI ({@code CI=true} or {@code -Dmedic.requireExternalTools=true}).
 *
 * <p>Repeat it for several programs: {@code @RequiresProgram("nginx") @RequiresProgram(value = "sshd",
 * aptPackage = "openssh-server")}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(RequiresPrograms.class)
@ExtendWith(RequiresProgramExtension.class)
public @interface RequiresProgram {

    /** Program name as looked up on PATH (plus /usr/local/sbin, /usr/sbin, /sbin), e.g. {@code "nginx"}. */
    String value();

    /** Debian package that installs the program; empty means the same as the program name. */
    String aptPackage() default "";
}
